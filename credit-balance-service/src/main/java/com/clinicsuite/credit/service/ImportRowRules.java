package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CreditImportRow;
import com.clinicsuite.events.imports.CreditRowsChunk.Row;
import com.clinicsuite.vocabulary.Center;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Turns a row of an import into the values it gives a credit balance, when its chunk is staged: canonical center,
 * upper-case client code, trimmed texts, amounts at scale 2, the voucher. A row that cannot be stored (unknown
 * center, more than 2 decimals, a text longer than its column, an amount too large) is {@link RowRejected} naming
 * the sheet row and column. The database's CHECK constraints (non-negative amounts, sessions adding up) are
 * applied when the import is, see {@link CreditImportApplier}. Messages never quote the row's values.
 */
public final class ImportRowRules {

    /** NUMERIC(15,2) / DECIMAL(15,2): 13 digits before the point. */
    private static final BigDecimal MONEY_LIMIT = new BigDecimal("1e13");

    private ImportRowRules() {}

    /** The staged row for the {@code position}-th row of chunk {@code chunkIndex}. */
    public static CreditImportRow normalise(String importId, int chunkIndex, int position, Row row) {
        Center center = Center.parse(row.center())
                .orElseThrow(() -> new RowRejected(
                        row.sourceRow(), "center", "unknown center; use one of " + Center.knownNames(), null));
        CreditImportRow staged = new CreditImportRow();
        staged.importId = importId;
        staged.seq = chunkIndex * CreditImportRow.CHUNK_SPAN + position;
        staged.sourceRow = row.sourceRow();
        staged.clientCode = text(row, "client_code", clientCode(row.clientCode()), 50);
        staged.clientName = text(
                row,
                "client_name",
                row.clientName() == null ? "" : row.clientName().trim(),
                200);
        staged.phoneNo = text(row, "phone_no", blankToNull(row.phoneNo()), 20);
        staged.emailId = text(row, "email_id", blankToNull(row.emailId()), 500);
        staged.treatmentName = text(
                row,
                "treatment_name",
                row.treatmentName() == null ? "" : row.treatmentName().trim(),
                200);
        staged.center = center.canonicalName();
        staged.finalBucket = text(row, "final_bucket", blankToNull(row.finalBucket()), 100);
        staged.packageAmount = money(row, "package_amount", row.packageAmount());
        staged.amountPaid = money(row, "amount_paid", row.amountPaid());
        staged.balanceAmount = money(row, "balance_amount", row.balanceAmount());
        staged.prepaidGiftCardBalance = money(row, "prepaid_gift_card_balance", row.prepaidGiftCardBalance());
        staged.sessionsPaid = row.sessionsPaid();
        staged.sessionsConsumed = row.sessionsConsumed();
        staged.balanceSessions = row.balanceSessions();
        staged.voucherNumber = VoucherRule.voucherNumber(center, staged.clientCode, staged.phoneNo);
        return staged;
    }

    /**
     * The column that breaks a credit_balance CHECK constraint in a staged row, for the import's failure report;
     * null when the constraint is not one of ours.
     */
    public static String columnBreaking(String constraint, CreditImportRow row) {
        if (constraint == null) {
            return null;
        }
        return switch (constraint) {
            case "credit_balance_center_known" -> "center";
            case "credit_balance_sessions_add_up" -> "balance_sessions";
            case "credit_balance_amounts_not_negative" ->
                row.packageAmount.signum() < 0
                        ? "package_amount"
                        : row.amountPaid.signum() < 0 ? "amount_paid" : "prepaid_gift_card_balance";
            case "credit_balance_sessions_not_negative" ->
                row.sessionsPaid < 0
                        ? "sessions_paid"
                        : row.sessionsConsumed < 0 ? "sessions_consumed" : "balance_sessions";
            default -> null;
        };
    }

    static String clientCode(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    private static String text(Row row, String column, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new RowRejected(row.sourceRow(), column, "is longer than " + maxLength + " characters", null);
        }
        return value;
    }

    private static BigDecimal money(Row row, String column, BigDecimal amount) {
        if (amount == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal scaled;
        try {
            scaled = amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new RowRejected(row.sourceRow(), column, "has more than 2 decimals", null);
        }
        if (scaled.abs().compareTo(MONEY_LIMIT) >= 0) {
            throw new RowRejected(row.sourceRow(), column, "is too large (at most 13 digits before the point)", null);
        }
        return scaled;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
