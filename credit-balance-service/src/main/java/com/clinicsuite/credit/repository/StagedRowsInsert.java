package com.clinicsuite.credit.repository;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stages a chunk's rows with one statement: the rows go to the database as one JSON array parameter, which
 * PostgreSQL's {@code json_to_recordset} (SQL Server's {@code OPENJSON}) turns into rows. Persisting the rows as
 * entities cost ~110 us of CPU per row in Hibernate Reactive's insert machinery (11.7 s for 100,000 rows), more
 * than everything else of an import together.
 * <p>
 * Texts travel as JSON strings, amounts as decimal strings (exact), and the record definition reads them as
 * unbounded text and numeric, so a value too long or too precise for its column fails the insert instead of being
 * cut by a cast ({@link com.clinicsuite.credit.service.ImportRowRules} has refused those already).
 */
@ApplicationScoped
public class StagedRowsInsert {

    private static final JsonFactory JSON = new JsonFactory();

    /** The staged columns after import_id, in order: name, PostgreSQL type, SQL Server type, value. */
    private static final List<Column> COLUMNS = List.of(
            new Column("seq", "bigint", "bigint", r -> r.seq),
            new Column("source_row", "integer", "int", r -> r.sourceRow),
            new Column("client_code", "text", "nvarchar(max)", r -> r.clientCode),
            new Column("client_name", "text", "nvarchar(max)", r -> r.clientName),
            new Column("phone_no", "text", "nvarchar(max)", r -> r.phoneNo),
            new Column("email_id", "text", "nvarchar(max)", r -> r.emailId),
            new Column("treatment_name", "text", "nvarchar(max)", r -> r.treatmentName),
            new Column("package_amount", "numeric", "decimal(38,10)", r -> r.packageAmount),
            new Column("amount_paid", "numeric", "decimal(38,10)", r -> r.amountPaid),
            new Column("balance_amount", "numeric", "decimal(38,10)", r -> r.balanceAmount),
            new Column("prepaid_gift_card_balance", "numeric", "decimal(38,10)", r -> r.prepaidGiftCardBalance),
            new Column("center", "text", "nvarchar(max)", r -> r.center),
            new Column("final_bucket", "text", "nvarchar(max)", r -> r.finalBucket),
            new Column("sessions_paid", "integer", "int", r -> r.sessionsPaid),
            new Column("sessions_consumed", "integer", "int", r -> r.sessionsConsumed),
            new Column("balance_sessions", "integer", "int", r -> r.balanceSessions),
            new Column("voucher_number", "text", "nvarchar(max)", r -> r.voucherNumber));

    private final String sql;

    public StagedRowsInsert(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.sql = sql(dbKind);
    }

    /** The INSERT; parameters: 1 the import id, 2 the rows as {@link #json}. */
    public String sql() {
        return sql;
    }

    static String sql(String dbKind) {
        StringBuilder names = new StringBuilder();
        StringBuilder selected = new StringBuilder();
        StringBuilder definition = new StringBuilder();
        boolean mssql = "mssql".equals(dbKind);
        for (Column column : COLUMNS) {
            String separator = names.isEmpty() ? "" : ", ";
            names.append(separator).append(column.name());
            selected.append(separator).append("r.").append(column.name());
            definition.append(separator).append(column.name()).append(' ')
                    .append(mssql ? column.mssqlType() + " '$." + column.name() + "'" : column.pgType());
        }
        // the reactive PostgreSQL client would send a String bound as json as a JSON string value: bind it as text
        String source = mssql ? "openjson(?) with (" + definition + ") as r"
                : "json_to_recordset(cast(cast(? as text) as json)) as r(" + definition + ")";
        return "insert into credit_import_row (import_id, " + names + ") select ?, " + selected + " from " + source;
    }

    /** The rows as the JSON array the INSERT reads. */
    public String json(List<CreditImportRow> rows) {
        StringWriter out = new StringWriter(rows.size() * 512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (CreditImportRow row : rows) {
                json.writeStartObject();
                for (Column column : COLUMNS) {
                    Object value = column.value().apply(row);
                    json.writeFieldName(column.name());
                    if (value == null) {
                        json.writeNull();
                    } else if (value instanceof BigDecimal amount) {
                        json.writeString(amount.toPlainString());
                    } else if (value instanceof String text) {
                        json.writeString(text);
                    } else {
                        json.writeNumber(((Number) value).longValue());
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private record Column(String name, String pgType, String mssqlType, Function<CreditImportRow, Object> value) {
    }
}
