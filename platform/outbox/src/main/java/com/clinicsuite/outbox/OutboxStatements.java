package com.clinicsuite.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outbox's statements that differ between PostgreSQL and SQL Server: those that take a list of row ids as one
 * parameter (a relay round marks thousands; SQL Server allows 2,100 parameters per statement, and a statement per
 * row would cost a round trip each), and the batched deletes of the cleanup.
 */
@ApplicationScoped
public class OutboxStatements {

    private final boolean mssql;

    public OutboxStatements(SqlDialect dialect) {
        this.mssql = dialect.isMssql();
    }

    /** {@code ids} as the text {@link #idIn(String)} reads: a PostgreSQL array literal or a JSON array. */
    String ids(List<Long> ids) {
        String joined = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        return mssql ? "[" + joined + "]" : "{" + joined + "}";
    }

    /** The condition "id is one of the list in parameter {@code parameter}" (bound with {@link #ids}). */
    String idIn(String parameter) {
        // PostgreSQL: the parameter is bound as text, then cast (the reactive client binds a String as text only)
        return mssql
                ? "id in (select cast([value] as bigint) from openjson(" + parameter + "))"
                : "id = any(cast(cast(" + parameter + " as text) as bigint[]))";
    }

    /** ?1 time, ?2 ids. */
    String markSent() {
        return "update outbox_event set sent_at = ?1 where " + idIn("?2");
    }

    /**
     * ?1 attempts to add (0 or 1), ?2 the error, ?3 attempts at which a row is parked, ?4 time, ?5 ids. A row whose
     * attempts reach ?3 is parked at ?4.
     */
    String sendFailed() {
        return "update outbox_event set attempts = attempts + ?1, last_error = ?2,"
                + " parked_at = case when attempts + ?1 >= ?3 then ?4 else parked_at end where " + idIn("?5");
    }

    /** ?1 before, ?2 lane, batch of {@code batchSize}: relayed rows, oldest first along the primary key. */
    String deleteSentBefore(int batchSize) {
        return mssql
                ? "delete top (" + batchSize + ") from outbox_event where sent_at < ?1 and lane = ?2"
                : "delete from outbox_event where id in (select id from outbox_event where sent_at < ?1 and lane = ?2"
                        + " order by id limit " + batchSize + ")";
    }

    /** ?1 before, batch of {@code batchSize}: old inbox rows, which sit at the start of the table's heap. */
    String deleteProcessedBefore(int batchSize) {
        return mssql
                ? "delete top (" + batchSize + ") from inbox_event where processed_at < ?1"
                : "delete from inbox_event where ctid in (select ctid from inbox_event "
                        + "where processed_at < ?1 limit " + batchSize + ")";
    }
}
