package com.clinicsuite.credit.repository;

import com.clinicsuite.outbox.JsonRowsInsert;
import com.clinicsuite.outbox.JsonRowsInsert.Column;
import com.clinicsuite.outbox.JsonRowsInsert.Type;
import com.clinicsuite.outbox.SqlDialect;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Stages a chunk's rows with one statement ({@link JsonRowsInsert}). Persisting the rows as entities cost ~110 us
 * of CPU per row in Hibernate Reactive's insert machinery (11.7 s for 100,000 rows), more than everything else of
 * an import together. Values too long or too precise for their column fail the insert rather than being cut
 * ({@link com.clinicsuite.credit.service.ImportRowRules} has refused those already).
 */
@ApplicationScoped
public class StagedRowsInsert {

    /** The staged columns after import_id, in order. */
    private static final List<Column<CreditImportRow>> COLUMNS = List.of(
            new Column<>("seq", Type.BIGINT, r -> r.seq),
            new Column<>("source_row", Type.INTEGER, r -> r.sourceRow),
            new Column<>("client_code", Type.TEXT, r -> r.clientCode),
            new Column<>("client_name", Type.TEXT, r -> r.clientName),
            new Column<>("phone_no", Type.TEXT, r -> r.phoneNo),
            new Column<>("email_id", Type.TEXT, r -> r.emailId),
            new Column<>("treatment_name", Type.TEXT, r -> r.treatmentName),
            new Column<>("package_amount", Type.DECIMAL, r -> r.packageAmount),
            new Column<>("amount_paid", Type.DECIMAL, r -> r.amountPaid),
            new Column<>("balance_amount", Type.DECIMAL, r -> r.balanceAmount),
            new Column<>("prepaid_gift_card_balance", Type.DECIMAL, r -> r.prepaidGiftCardBalance),
            new Column<>("center", Type.TEXT, r -> r.center),
            new Column<>("final_bucket", Type.TEXT, r -> r.finalBucket),
            new Column<>("sessions_paid", Type.INTEGER, r -> r.sessionsPaid),
            new Column<>("sessions_consumed", Type.INTEGER, r -> r.sessionsConsumed),
            new Column<>("balance_sessions", Type.INTEGER, r -> r.balanceSessions),
            new Column<>("voucher_number", Type.TEXT, r -> r.voucherNumber));

    private final JsonRowsInsert<CreditImportRow> insert;

    public StagedRowsInsert(SqlDialect dialect) {
        this.insert = JsonRowsInsert.into("credit_import_row", List.of("import_id"), COLUMNS, dialect);
    }

    /** The INSERT; parameters: 1 the import id, 2 the rows as {@link #json}. */
    public String sql() {
        return insert.sql();
    }

    /** The rows as the JSON array the INSERT reads. */
    public String json(List<CreditImportRow> rows) {
        return insert.json(rows);
    }
}
