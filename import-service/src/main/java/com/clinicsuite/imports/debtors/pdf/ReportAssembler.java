package com.clinicsuite.imports.debtors.pdf;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks a report's pages line by line and assembles its accounts. Per page, everything above the column
 * headings is the page header (title, print stamp, page number) and is read only for the report's header
 * facts; below them, a line is an account line, a labelled detail line belonging to the last account (also
 * across a page break), a group heading, a (sub)total row, or print furniture that is skipped. One instance
 * per report.
 */
final class ReportAssembler {

    private static final Pattern TOTAL = Pattern.compile("(?i)\\bTOTALS?\\b");
    private static final Pattern SUB_TOTAL = Pattern.compile("(?i)\\bSUB[- ]?TOTALS?\\b|\\bSUBTOTALS?\\b");
    private static final Pattern ACCOUNTS_IN_TOTAL = Pattern.compile("(?i)\\b(\\d{1,9})\\s+ACC(?:OUN)?TS?\\b");
    private static final Pattern PAYMENT = Pattern.compile(
            "^(?:(?<date>\\d{8}|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}-\\d{2}-\\d{2})\\s+)?(?<amount>\\S+)?.*$");

    private final MedicalAidControlDetector controlAccounts;
    private final ReportHeader header = new ReportHeader();
    private final List<ParsedAccount> accounts = new ArrayList<>();
    private ColumnLayout layout;
    private AccountLineParser lines;
    private AccountBuilder current;
    private String group;
    private AgeingAmounts printedTotals;
    private Integer totalsAccountCount;
    private boolean totalsFollow;

    ReportAssembler(MedicalAidControlDetector controlAccounts) {
        this.controlAccounts = controlAccounts;
    }

    void page(int pageNumber, List<TextLine> pageLines) {
        int headingIndex = -1;
        for (int i = 0; i < pageLines.size() && headingIndex < 0; i++) {
            Optional<ColumnLayout> detected = ColumnLayout.detect(pageLines.get(i));
            if (detected.isPresent()) {
                headingIndex = i;
                if (layout == null) {
                    layout = detected.get();
                    lines = new AccountLineParser(layout);
                }
            }
        }
        if (layout == null || headingIndex >= 0) {
            int headerEnd = headingIndex >= 0 ? headingIndex : pageLines.size();
            for (int i = 0; i < headerEnd; i++) {
                if (accounts.isEmpty() && current == null) {
                    header.read(pageLines.get(i));
                }
            }
        }
        if (layout == null) {
            return;
        }
        for (int i = headingIndex + 1; i < pageLines.size(); i++) {
            body(pageLines.get(i));
        }
    }

    ParsedReport finish(int pageCount) throws ReportRejectedException {
        endAccount();
        if (layout == null) {
            throw new ReportRejectedException(
                    ReportRejectedException.Reason.INVALID_CONTENT,
                    "The PDF is not a debtors age analysis: no column headings (Current, 30 days ... Balance) "
                            + "were found.");
        }
        return new ParsedReport(
                header.pharmacyName(),
                header.reportDate(),
                header.accountCount(),
                totalsAccountCount,
                printedTotals,
                accounts,
                pageCount);
    }

    private void body(TextLine line) {
        if (line.isRule()) {
            return;
        }
        if (totalsFollow) {
            Optional<AgeingAmounts> amounts = lines.amountsOnly(line);
            if (amounts.isPresent()) {
                printedTotals = amounts.get();
                totalsFollow = false;
                return;
            }
        }
        // An account line first: names such as "TOTAL SPORTS" must not read as a totals row.
        Optional<AccountLineParser.AccountLine> account = lines.parse(line);
        if (account.isPresent()) {
            endAccount();
            current = new AccountBuilder(account.get(), group);
            return;
        }
        String text = line.text();
        if (SUB_TOTAL.matcher(text).find()) {
            endAccount();
            return;
        }
        if (TOTAL.matcher(text).find() && printedTotals == null) {
            endAccount();
            Matcher count = ACCOUNTS_IN_TOTAL.matcher(text);
            if (count.find()) {
                totalsAccountCount = Integer.valueOf(count.group(1));
            }
            Optional<AgeingAmounts> amounts = lines.trailingAmounts(line, 1);
            amounts.ifPresentOrElse(a -> printedTotals = a, () -> totalsFollow = true);
            return;
        }
        List<DetailFields.Entry> details = DetailFields.read(text);
        Map<DetailFields.Field, String> fields = DetailFields.byField(details);
        if (fields.containsKey(DetailFields.Field.GROUP)) {
            endAccount();
            group = fields.get(DetailFields.Field.GROUP);
        } else if (current != null) {
            details.forEach(current::apply);
        }
    }

    private void endAccount() {
        if (current != null) {
            accounts.add(current.build(controlAccounts));
            current = null;
        }
    }

    /** Collects an account's line and its detail lines. */
    private static final class AccountBuilder {
        private final AccountLineParser.AccountLine line;
        private final String group;
        private final List<String> phones = new ArrayList<>();
        private String tel;
        private String cell;
        private String email;
        private LocalDate lastPaymentDate;
        private BigDecimal lastPaymentAmount;
        private String terms;
        private BigDecimal creditLimit;

        AccountBuilder(AccountLineParser.AccountLine line, String group) {
            this.line = line;
            this.group = group;
            phones.addAll(line.phones());
        }

        void apply(DetailFields.Entry entry) {
            String value = entry.value();
            switch (entry.field()) {
                case EMAIL -> {
                    if (email == null && !value.isEmpty()) {
                        email = value.split("\\s+")[0].toLowerCase(Locale.ROOT);
                    }
                }
                case TEL -> {
                    if (tel == null && !value.isEmpty()) {
                        tel = value;
                        phones.add(value);
                    }
                }
                case CELL -> {
                    if (cell == null && !value.isEmpty()) {
                        cell = value;
                        phones.add(value);
                    }
                }
                case PAYMENT -> payment(value);
                case TERMS -> terms = value.isEmpty() ? null : value;
                case CREDIT_LIMIT -> creditLimit = AmountFormat.parse(value);
                default -> {
                    // labels the import does not keep (PMT AMT, CRLIM, COMMENT ...)
                }
            }
        }

        private void payment(String value) {
            Matcher m = PAYMENT.matcher(value);
            if (!m.matches()) {
                return;
            }
            lastPaymentDate = date(m.group("date"));
            BigDecimal amount = m.group("amount") == null ? null : AmountFormat.parse(m.group("amount"));
            lastPaymentAmount = amount == null ? null : amount.abs();
        }

        private static LocalDate date(String text) {
            if (text == null) {
                return null;
            }
            try {
                if (text.length() == 8 && text.chars().allMatch(Character::isDigit)) {
                    return LocalDate.of(
                            Integer.parseInt(text.substring(0, 4)),
                            Integer.parseInt(text.substring(4, 6)),
                            Integer.parseInt(text.substring(6, 8)));
                }
                return ReportHeader.firstDate(text);
            } catch (DateTimeException e) {
                return null;
            }
        }

        ParsedAccount build(MedicalAidControlDetector controlAccounts) {
            String phone = cell != null ? cell : phones.isEmpty() ? null : phones.get(0);
            return new ParsedAccount(
                    line.accNo(),
                    line.name(),
                    line.amounts(),
                    email,
                    phone,
                    phones,
                    tel,
                    cell,
                    group,
                    lastPaymentDate,
                    lastPaymentAmount,
                    terms,
                    creditLimit,
                    controlAccounts.isControlAccount(line.accNo(), line.name()));
        }
    }
}
