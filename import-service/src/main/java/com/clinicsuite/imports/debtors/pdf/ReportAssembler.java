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
 * across a page break), a group heading, a (sub)total row, a continuation line (part of a wrapped name, inside
 * the name column), or print furniture that is skipped. Whether a report wraps names before or after the account
 * line is decided once the whole report is read ({@link #wrapsBefore()}), so accounts are built at the end. One
 * instance per report.
 */
final class ReportAssembler {

    private static final Pattern TOTAL = Pattern.compile("(?i)\\bTOTALS?\\b");
    private static final Pattern SUB_TOTAL = Pattern.compile("(?i)\\bSUB[- ]?TOTALS?\\b|\\bSUBTOTALS?\\b");
    private static final Pattern ACCOUNTS_IN_TOTAL = Pattern.compile("(?i)\\b(\\d{1,9})\\s+ACC(?:OUN)?TS?\\b");
    private static final Pattern PAYMENT = Pattern.compile(
            "^(?:(?<date>\\d{8}|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}-\\d{2}-\\d{2})\\s+)?(?<amount>\\S+)?.*$");

    /** Leeway around the name column's edges, in PDF points. */
    private static final float NAME_TOLERANCE = 3f;

    private final MedicalAidControlDetector controlAccounts;
    private final ReportHeader header = new ReportHeader();
    private final List<AccountBuilder> builders = new ArrayList<>();
    /** Name fragments before the first account line. */
    private final List<Fragment> leadingFragments = new ArrayList<>();

    private AccountBuilder last;
    private ColumnLayout layout;
    private AccountLineParser lines;
    private AccountBuilder current;
    private String group;
    private AgeingAmounts printedTotals;
    private Integer totalsAccountCount;
    private boolean totalsFollow;

    private final ColumnMap columnMap;

    ReportAssembler(MedicalAidControlDetector controlAccounts) {
        this(controlAccounts, ColumnMap.NONE);
    }

    /** @param columnMap an explicit column map, consulted before the heading vocabulary */
    ReportAssembler(MedicalAidControlDetector controlAccounts, ColumnMap columnMap) {
        this.controlAccounts = controlAccounts;
        this.columnMap = columnMap;
    }

    void page(int pageNumber, List<TextLine> pageLines) {
        int headingIndex = -1;
        for (int i = 0; i < pageLines.size() && headingIndex < 0; i++) {
            Optional<ColumnLayout> detected = ColumnLayout.detect(pageLines.get(i), columnMap);
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
                if (builders.isEmpty() && current == null) {
                    header.read(pageLines.get(i));
                }
            }
        }
        if (layout == null) {
            return;
        }
        for (int i = headingIndex + 1; i < pageLines.size(); i++) {
            body(pageNumber, pageLines.get(i));
        }
    }

    ParsedReport finish(int pageCount) throws ReportRejectedException {
        endAccount();
        if (layout == null) {
            throw new ReportRejectedException(
                    ReportRejectedException.Reason.INVALID_CONTENT,
                    "The file is not a debtors age analysis: no column headings (Current, 30 days ... Balance) "
                            + "were found.");
        }
        boolean before = wrapsBefore();
        List<ParsedAccount> accounts = new ArrayList<>(builders.size());
        List<Fragment> previous = leadingFragments;
        for (AccountBuilder builder : builders) {
            accounts.add(builder.build(controlAccounts, before ? previous : List.of(), before ? List.of() : null));
            previous = builder.fragmentsAfter;
        }
        return new ParsedReport(
                header.pharmacyName(),
                header.reportDate(),
                header.accountCount(),
                totalsAccountCount,
                printedTotals,
                accounts,
                pageCount,
                layout.describe());
    }

    /**
     * True when the report prints the wrapped part of a name before the account line. Decided by where fragments
     * sit: nearer (vertically) to the next account line than to the previous one, as a table cell's lines are
     * within a padded row; without that signal (a text printer spaces every line alike), a fragment before the
     * first account line and none after the last means before, the other way round after; else the widths of the
     * wrapped lines decide ({@link #widthVotes()}); else after.
     */
    private boolean wrapsBefore() {
        int votes = 0;
        for (int i = 0; i + 1 < builders.size(); i++) {
            AccountBuilder a = builders.get(i);
            AccountBuilder b = builders.get(i + 1);
            if (a.fragmentsAfter.isEmpty()) {
                continue;
            }
            Fragment first = a.fragmentsAfter.get(0);
            Fragment lastFragment = a.fragmentsAfter.get(a.fragmentsAfter.size() - 1);
            if (first.page() != a.page || lastFragment.page() != b.page || Float.isNaN(a.y) || Float.isNaN(b.y)) {
                continue;
            }
            float toPrevious = a.y - first.y();
            float toNext = lastFragment.y() - b.y;
            if (Math.abs(toPrevious - toNext) > 0.5f) {
                votes += toNext < toPrevious ? 1 : -1;
            }
        }
        if (votes != 0) {
            return votes > 0;
        }
        boolean leading = !leadingFragments.isEmpty();
        boolean trailing = last != null && !last.fragmentsAfter.isEmpty();
        if (leading != trailing) {
            return leading;
        }
        return widthVotes() > 0;
    }

    /**
     * Where wrapped names go, from the widths of the name lines (in characters: the case without a vertical signal
     * is a text printer's fixed-pitch page). A report wraps a name by carrying a word to the next line only when it
     * does not fit, so the line a name wraps from is full: that line, a blank and the next line's first word are
     * wider than the wrap width, which is at least the widest name line printed. For the fragments between two
     * account lines, reading them as wrapped <em>after</em> the first account means its name line wraps into the
     * first fragment; <em>before</em> the second, that the last fragment wraps into the second's name line. A
     * reading whose wrap would still fit within the widest name line is impossible: a vote for the other. Positive:
     * before.
     */
    private int widthVotes() {
        int widest = 0;
        for (Fragment fragment : leadingFragments) {
            widest = Math.max(widest, fragment.text().length());
        }
        for (AccountBuilder builder : builders) {
            widest = Math.max(widest, builder.line.name().length());
            for (Fragment fragment : builder.fragmentsAfter) {
                widest = Math.max(widest, fragment.text().length());
            }
        }
        int votes = 0;
        for (int i = 0; i + 1 < builders.size(); i++) {
            AccountBuilder a = builders.get(i);
            AccountBuilder b = builders.get(i + 1);
            if (a.fragmentsAfter.isEmpty()
                    || a.line.name().isEmpty()
                    || b.line.name().isEmpty()) {
                continue;
            }
            boolean afterImpossible =
                    wrapWidth(a.line.name(), a.fragmentsAfter.get(0).text()) <= widest;
            boolean beforeImpossible =
                    wrapWidth(a.fragmentsAfter.get(a.fragmentsAfter.size() - 1).text(), b.line.name()) <= widest;
            if (afterImpossible != beforeImpossible) {
                votes += afterImpossible ? 1 : -1;
            }
        }
        return votes;
    }

    /** The width of {@code line} with the first word of {@code next} after a blank: had it fit, it would be there. */
    private static int wrapWidth(String line, String next) {
        String text = next.strip();
        int blank = text.indexOf(' ');
        return line.strip().length() + 1 + (blank < 0 ? text.length() : blank);
    }

    private void body(int pageNumber, TextLine line) {
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
            current = new AccountBuilder(account.get(), group, pageNumber, line.y());
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
        if (details.isEmpty() && printedTotals == null && isContinuation(line)) {
            Fragment fragment = new Fragment(text, pageNumber, line.y());
            AccountBuilder owner = current != null ? current : last;
            (owner != null ? owner.fragmentsAfter : leadingFragments).add(fragment);
            return;
        }
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
            builders.add(current);
            last = current;
            current = null;
        }
    }

    /** A line of text inside the name column only, without amounts: part of a wrapped name. */
    private boolean isContinuation(TextLine line) {
        if (layout.name().isEmpty()) {
            return false;
        }
        ColumnLayout.Span name = layout.name().get();
        for (TextToken token : line.tokens()) {
            if (token.x0() < name.x0() - NAME_TOLERANCE
                    || token.x1() > name.x1() + NAME_TOLERANCE
                    || AmountFormat.parse(token.text()) != null && !AmountFormat.isDashZero(token.text())) {
                return false;
            }
        }
        return !line.isRule();
    }

    /** A part of a wrapped name as printed, with where it stands. */
    private record Fragment(String text, int page, float y) {}

    /** Collects an account's line and its detail lines. */
    private static final class AccountBuilder {
        private final AccountLineParser.AccountLine line;
        private final String group;
        private final int page;
        private final float y;
        private final List<Fragment> fragmentsAfter = new ArrayList<>(0);
        private final List<String> phones = new ArrayList<>();
        private String tel;
        private String cell;
        private String email;
        private LocalDate lastPaymentDate;
        private BigDecimal lastPaymentAmount;
        private String terms;
        private BigDecimal creditLimit;

        AccountBuilder(AccountLineParser.AccountLine line, String group, int page, float y) {
            this.line = line;
            this.group = group;
            this.page = page;
            this.y = y;
            phones.addAll(line.phones());
            cell = line.cell();
            email = line.email() == null ? null : line.email().toLowerCase(Locale.ROOT);
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

        /**
         * The account, its name joined from the fragments printed {@code before} its line, the line's name text
         * and, when {@code after} is null, the fragments printed after it.
         */
        ParsedAccount build(MedicalAidControlDetector controlAccounts, List<Fragment> before, List<Fragment> after) {
            String phone = cell != null ? cell : phones.isEmpty() ? null : phones.get(0);
            String name = line.name();
            List<Fragment> trailing = after == null ? fragmentsAfter : after;
            if (!before.isEmpty() || !trailing.isEmpty()) {
                StringBuilder joined = new StringBuilder();
                for (Fragment f : before) {
                    joined.append(joined.isEmpty() ? "" : " ").append(f.text());
                }
                joined.append(joined.isEmpty() || name.isEmpty() ? "" : " ").append(name);
                for (Fragment f : trailing) {
                    joined.append(joined.isEmpty() ? "" : " ").append(f.text());
                }
                name = joined.toString();
            }
            return new ParsedAccount(
                    line.accNo(),
                    name,
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
                    controlAccounts.isControlAccount(line.accNo(), name));
        }
    }
}
