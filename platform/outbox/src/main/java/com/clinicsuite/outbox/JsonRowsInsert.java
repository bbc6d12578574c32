package com.clinicsuite.outbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * Inserts many rows with one statement and one parameter: the rows travel as a JSON array, which PostgreSQL's
 * {@code json_to_recordset} (SQL Server's {@code OPENJSON}) turns back into rows. A multi-row VALUES list needs a
 * parameter per value (SQL Server allows 2,100 per statement, so a few hundred rows) and Hibernate Reactive binds
 * each one; entity inserts cost ~100 us of CPU per row. The outbox, the credit API log and the credit import
 * staging all write this way.
 * <p>
 * Texts travel as JSON strings and are read as unbounded text, amounts as decimal strings read as numeric, times as
 * ISO-8601 strings: nothing is cut, rounded or shifted by a cast, and a value too long for its column fails the
 * insert. Columns given as {@code parameters} are bound one by one before the JSON (a value shared by all rows).
 *
 * @param <R> what a row is made from
 */
public final class JsonRowsInsert<R> {

    private static final JsonFactory JSON = new JsonFactory();
    /** Always with seconds and six decimals (the precision both databases keep): OffsetDateTime.toString drops zeros. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    /** How a column's JSON value is read back: PostgreSQL type, SQL Server type. */
    public enum Type {
        BIGINT("bigint", "bigint"),
        INTEGER("integer", "int"),
        TEXT("text", "nvarchar(max)"),
        DECIMAL("numeric", "decimal(38,10)"),
        TIMESTAMPTZ("timestamptz", "datetimeoffset(6)");

        private final String postgresql;
        private final String mssql;

        Type(String postgresql, String mssql) {
            this.postgresql = postgresql;
            this.mssql = mssql;
        }
    }

    /** A column filled from each row. */
    public record Column<R>(String name, Type type, Function<R, Object> value) {}

    private final List<Column<R>> columns;
    private final String sql;

    private JsonRowsInsert(String table, List<String> parameters, List<Column<R>> columns, SqlDialect dialect) {
        this.columns = List.copyOf(columns);
        boolean mssql = dialect.isMssql();
        StringBuilder names = new StringBuilder();
        StringBuilder selected = new StringBuilder();
        for (String parameter : parameters) {
            names.append(parameter).append(", ");
            selected.append("?, ");
        }
        StringBuilder definition = new StringBuilder();
        for (Column<R> column : columns) {
            String separator = definition.isEmpty() ? "" : ", ";
            definition
                    .append(separator)
                    .append(column.name())
                    .append(' ')
                    .append(mssql ? column.type().mssql + " '$." + column.name() + "'" : column.type().postgresql);
        }
        names.append(String.join(", ", columns.stream().map(Column::name).toList()));
        selected.append(
                String.join(", ", columns.stream().map(c -> "r." + c.name()).toList()));
        // the reactive PostgreSQL client would send a String bound as json as a JSON string value: bind it as text
        String source = mssql
                ? "openjson(?) with (" + definition + ") as r"
                : "json_to_recordset(cast(cast(? as text) as json)) as r(" + definition + ")";
        this.sql = "insert into " + table + " (" + names + ") select " + selected + " from " + source;
    }

    /** An insert into {@code table} of {@code columns}, in the database's dialect. */
    public static <R> JsonRowsInsert<R> into(String table, List<Column<R>> columns, SqlDialect dialect) {
        return new JsonRowsInsert<>(table, List.of(), columns, dialect);
    }

    /** As {@link #into(String, List, SqlDialect)}, with leading columns bound as parameters (same for every row). */
    public static <R> JsonRowsInsert<R> into(
            String table, List<String> parameters, List<Column<R>> columns, SqlDialect dialect) {
        return new JsonRowsInsert<>(table, parameters, columns, dialect);
    }

    /**
     * A subquery of the values of one JSON array parameter ({@code [1,2,3]}, see {@link #jsonArray}), each read as
     * {@code type}: {@code id in (<this>)} selects by any number of values with one parameter, where a list bound value
     * by value meets the databases' limits (SQL Server takes 2,100 parameters per statement, PostgreSQL 65,535). The
     * parameter is the subquery's only {@code ?}.
     */
    public static String valuesOf(Type type, SqlDialect dialect) {
        return dialect.isMssql()
                ? "select j.value from openjson(?) with (value " + type.mssql + " '$') as j"
                : "select cast(j.value as " + type.postgresql
                        + ") from json_array_elements_text(cast(cast(? as text) as json)) as j";
    }

    /** Numbers as the JSON array {@link #valuesOf} reads. */
    public static String jsonArray(Iterable<? extends Number> values) {
        StringBuilder json = new StringBuilder("[");
        for (Number value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(new BigDecimal(value.toString()).toPlainString());
        }
        return json.append(']').toString();
    }

    /** The INSERT: parameters 1..n the parameter columns, then the rows as {@link #json}. */
    public String sql() {
        return sql;
    }

    /** The rows as the JSON array the INSERT reads. */
    public String json(List<? extends R> rows) {
        StringWriter out = new StringWriter(16 + rows.size() * columns.size() * 16); // ~16 characters a value
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (R row : rows) {
                json.writeStartObject();
                for (Column<R> column : columns) {
                    json.writeFieldName(column.name());
                    write(json, column.value().apply(row));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof BigDecimal amount) {
            json.writeString(amount.toPlainString());
        } else if (value instanceof OffsetDateTime time) {
            json.writeString(TIME.format(time));
        } else if (value instanceof Instant time) {
            json.writeString(TIME.format(time.atOffset(ZoneOffset.UTC)));
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else {
            throw new IllegalArgumentException("No JSON form for a column value of " + value.getClass());
        }
    }
}
