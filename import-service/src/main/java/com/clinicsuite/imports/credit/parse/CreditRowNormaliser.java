package com.clinicsuite.imports.credit.parse;

import com.clinicsuite.events.imports.CreditRowsChunk;
import com.clinicsuite.vocabulary.Center;
import com.clinicsuite.vocabulary.IndianMobileNumber;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the cells of one data row into a {@link CreditRow}, or says why it cannot be imported. The checks mirror
 * credit-balance-service's table constraints, so a row it would refuse (and with it the whole import's transaction)
 * is rejected here, alone, with a reason the user can act on.
 */
public final class CreditRowNormaliser {

    static final int MAX_CODE = CreditRowsChunk.Row.MAX_CLIENT_CODE_LENGTH;
    static final int MAX_NAME = CreditRowsChunk.Row.MAX_CLIENT_NAME_LENGTH;
    static final int MAX_TREATMENT = CreditRowsChunk.Row.MAX_TREATMENT_NAME_LENGTH;
    static final int MAX_EMAILS = CreditRowsChunk.Row.MAX_EMAIL_ID_LENGTH;
    static final int MAX_BUCKET = CreditRowsChunk.Row.MAX_FINAL_BUCKET_LENGTH;
    static final int MAX_SESSIONS = 100_000;

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u202F]+");

    /** The row, or null when rejected, and every issue found; a rejected row has at least one rejecting issue. */
    public record Result(CreditRow row, List<RowIssue> issues) {}

    private CreditRowNormaliser() {}

    public static Result normalise(String sheet, int rowNumber, String[] cells, ColumnMap columns) {
        Check check = new Check(sheet, rowNumber, cells, columns);

        String clientCode = check.required(CreditColumn.CLIENT_CODE, MAX_CODE);
        if (clientCode != null) {
            clientCode = clientCode.toUpperCase(Locale.ROOT);
        }
        String clientName = check.required(CreditColumn.CLIENT_NAME, MAX_NAME);
        if (clientName != null) {
            clientName = collapseWhitespace(clientName);
        }
        String treatment = check.required(CreditColumn.TREATMENT_NAME, MAX_TREATMENT);
        String center = check.center();
        String bucket = check.optionalText(CreditColumn.FINAL_BUCKET, MAX_BUCKET);
        BigDecimal packageAmount = check.amount(CreditColumn.PACKAGE_AMOUNT, true);
        BigDecimal amountPaid = check.amount(CreditColumn.AMOUNT_PAID, true);
        BigDecimal balance = check.amount(CreditColumn.BALANCE_AMOUNT, false);
        BigDecimal prepaid = check.amount(CreditColumn.PREPAID_GIFT_CARD_BALANCE, true);
        Integer sessionsPaid = check.sessions(CreditColumn.SESSIONS_PAID);
        Integer sessionsConsumed = check.sessions(CreditColumn.SESSIONS_CONSUMED);
        Integer balanceSessions = check.sessions(CreditColumn.BALANCE_SESSIONS);
        if (sessionsPaid != null
                && sessionsConsumed != null
                && balanceSessions != null
                && balanceSessions != sessionsPaid - sessionsConsumed) {
            check.reject(
                    CreditColumn.BALANCE_SESSIONS,
                    "is not Sessions Paid minus Sessions Consumed (" + (sessionsPaid - sessionsConsumed) + ")");
        }
        String phone = check.phone();
        List<String> emails = check.emails();

        if (check.rejected) {
            return new Result(null, check.issues);
        }
        return new Result(
                new CreditRow(
                        sheet,
                        rowNumber,
                        clientCode,
                        clientName,
                        phone,
                        emails,
                        treatment,
                        center,
                        bucket,
                        packageAmount,
                        amountPaid,
                        balance,
                        prepaid,
                        sessionsPaid,
                        sessionsConsumed,
                        balanceSessions),
                check.issues);
    }

    /** Runs of whitespace become one space; the regex only runs when there is something to collapse. */
    static String collapseWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean doubleSpace = c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ';
            if (doubleSpace || (c != ' ' && Character.isWhitespace(c)) || c == '\u00A0' || c == '\u202F') {
                return WHITESPACE.matcher(text).replaceAll(" ").strip();
            }
        }
        return text.strip();
    }

    /** Reads the cells of one row, collecting every problem instead of stopping at the first. */
    private static final class Check {
        private final String sheet;
        private final int row;
        private final String[] cells;
        private final ColumnMap columns;
        private final List<RowIssue> issues = new ArrayList<>(0);
        private boolean rejected;

        Check(String sheet, int row, String[] cells, ColumnMap columns) {
            this.sheet = sheet;
            this.row = row;
            this.cells = cells;
            this.columns = columns;
        }

        void reject(CreditColumn column, String message) {
            issues.add(RowIssue.rejecting(sheet, row, column, message));
            rejected = true;
        }

        String required(CreditColumn column, int maxLength) {
            String text = columns.text(cells, column);
            if (text == null) {
                reject(column, "is required");
                return null;
            }
            return withinLength(column, text, maxLength);
        }

        String optionalText(CreditColumn column, int maxLength) {
            String text = columns.text(cells, column);
            return text == null ? null : withinLength(column, text, maxLength);
        }

        private String withinLength(CreditColumn column, String text, int maxLength) {
            if (text.length() > maxLength) {
                reject(column, "is longer than " + maxLength + " characters");
                return null;
            }
            return text;
        }

        String center() {
            String text = columns.text(cells, CreditColumn.CENTER);
            if (text == null) {
                reject(CreditColumn.CENTER, "is required");
                return null;
            }
            return Center.parse(text).map(Center::canonicalName).orElseGet(() -> {
                reject(CreditColumn.CENTER, "is not a known center (GK2, Punjabi Bagh, Preet Vihar or Pitampura)");
                return null;
            });
        }

        /** A blank cell is zero for the prepaid balance (most clients have none) and missing for the others. */
        BigDecimal amount(CreditColumn column, boolean mustNotBeNegative) {
            String text = columns.text(cells, column);
            if (text == null) {
                if (column == CreditColumn.PREPAID_GIFT_CARD_BALANCE) {
                    return BigDecimal.ZERO.setScale(2);
                }
                reject(column, "is required");
                return null;
            }
            try {
                BigDecimal amount = Amounts.parse(text);
                if (mustNotBeNegative && amount.signum() < 0) {
                    reject(column, "must not be negative");
                }
                if (amount.precision() - amount.scale() > 13) {
                    reject(column, "is too large");
                }
                return amount;
            } catch (IllegalArgumentException e) {
                reject(column, e.getMessage());
                return null;
            }
        }

        Integer sessions(CreditColumn column) {
            String text = columns.text(cells, column);
            if (text == null) {
                return 0;
            }
            try {
                int count = Amounts.parseCount(text);
                if (count < 0 || count > MAX_SESSIONS) {
                    reject(column, "must be a whole number from 0 to " + MAX_SESSIONS);
                    return null;
                }
                return count;
            } catch (IllegalArgumentException e) {
                reject(column, e.getMessage());
                return null;
            }
        }

        String phone() {
            String text = columns.text(cells, CreditColumn.PHONE_NO);
            String phone = IndianMobileNumber.nationalDigitsOf(text);
            if (text != null && phone == null) {
                issues.add(RowIssue.note(
                        sheet,
                        row,
                        CreditColumn.PHONE_NO,
                        "is not a 10-digit Indian mobile number; imported without a phone (and so without a voucher)"));
            }
            return phone;
        }

        List<String> emails() {
            EmailAddresses.Split split = EmailAddresses.split(columns.text(cells, CreditColumn.EMAIL_IDS));
            for (int i = 0; i < split.invalid().size(); i++) {
                issues.add(RowIssue.note(
                        sheet, row, CreditColumn.EMAIL_IDS, "holds an invalid e-mail address; imported without it"));
            }
            if (String.join(", ", split.valid()).length() > MAX_EMAILS) {
                reject(CreditColumn.EMAIL_IDS, "is longer than " + MAX_EMAILS + " characters");
            }
            return split.valid();
        }
    }
}
