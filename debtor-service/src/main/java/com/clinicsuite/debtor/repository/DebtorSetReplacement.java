package com.clinicsuite.debtor.repository;

import com.clinicsuite.outbox.SqlDialect;
import com.clinicsuite.outbox.SqlErrors;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.SQLTransactionRollbackException;
import java.time.OffsetDateTime;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Makes a staged report the pharmacy's debtor set with three set-based statements in the caller's transaction:
 * accounts still reported keep their row (and id) and get the new amounts, new accounts are inserted, accounts no
 * longer reported are deleted. Readers see the old or the new set, never a mix. MERGE is valid on PostgreSQL 15+
 * and SQL Server.
 *
 * <p>When the database refuses the swap (a constraint, an out-of-range value, a trigger, a conflict), its changes are
 * undone and {@link SwapFailed} says why, while the caller's transaction stays usable to mark the report failed and
 * publish that. On PostgreSQL the statements run in the function {@code debtor_set_swap} (migration V2), whose
 * exception block is a subtransaction: the reactive client cannot go on with a transaction after a failed statement,
 * even rolled back to a savepoint. On SQL Server they run here, inside {@code SAVE TRANSACTION}.
 */
@ApplicationScoped
public class DebtorSetReplacement {

    private static final Logger LOG = Logger.getLogger(DebtorSetReplacement.class);

    private static final String POSTGRES_SWAP = "SELECT * FROM debtor_set_swap(?1, ?2, ?3)";

    /** SQL Server: the statements of {@code debtor_set_swap} (keep in step with it). */
    private static final String MERGE = """
            MERGE INTO debtor d
            USING (SELECT * FROM staged_account WHERE report_id = ?1) s
            ON d.pharmacy_id = ?2 AND d.acc_no = s.acc_no
            WHEN MATCHED THEN UPDATE SET
                report_id = ?1, name = s.name, current_amount = s.current_amount, d30 = s.d30, d60 = s.d60,
                d90 = s.d90, d120 = s.d120, d150 = s.d150, d180 = s.d180, balance = s.balance,
                arrears = s.d60 + s.d90 + s.d120 + s.d150 + s.d180, email = s.email, phone = s.phone,
                phone_digits = s.phone_digits, is_medical_aid_control = s.is_medical_aid_control,
                last_payment_date = s.last_payment_date, last_payment_amount = s.last_payment_amount,
                terms = s.terms, credit_limit = s.credit_limit, updated_at = ?3
            WHEN NOT MATCHED THEN INSERT (pharmacy_id, report_id, acc_no, name, current_amount, d30, d60, d90, d120,
                d150, d180, balance, arrears, email, phone, phone_digits, is_medical_aid_control, last_payment_date,
                last_payment_amount, terms, credit_limit, created_at, updated_at)
            VALUES (?2, ?1, s.acc_no, s.name, s.current_amount, s.d30, s.d60, s.d90, s.d120, s.d150, s.d180,
                s.balance, s.d60 + s.d90 + s.d120 + s.d150 + s.d180, s.email, s.phone, s.phone_digits,
                s.is_medical_aid_control, s.last_payment_date, s.last_payment_amount, s.terms, s.credit_limit,
                ?3, ?3);
            """;

    private static final String DELETE_UNREPORTED = """
            DELETE FROM debtor WHERE pharmacy_id = ?1 AND NOT EXISTS
                (SELECT 1 FROM staged_account s WHERE s.report_id = ?2 AND s.acc_no = debtor.acc_no)
            """;

    /** Cast to the report row's DECIMAL(15,2): an overflow fails here, inside the savepoint. */
    private static final String TOTALS = """
            SELECT COUNT(*), CAST(COALESCE(SUM(balance), 0) AS DECIMAL(15,2)),
                CAST(COALESCE(SUM(current_amount), 0) AS DECIMAL(15,2)), CAST(COALESCE(SUM(d30), 0) AS DECIMAL(15,2)),
                CAST(COALESCE(SUM(d60), 0) AS DECIMAL(15,2)), CAST(COALESCE(SUM(d90), 0) AS DECIMAL(15,2)),
                CAST(COALESCE(SUM(d120), 0) AS DECIMAL(15,2)), CAST(COALESCE(SUM(d150), 0) AS DECIMAL(15,2)),
                CAST(COALESCE(SUM(d180), 0) AS DECIMAL(15,2))
            FROM debtor WHERE pharmacy_id = ?1 AND is_medical_aid_control = ?2
            """;

    private static final String SAVEPOINT = "debtor_set_replacement";

    /** Column sums of the pharmacy's debtors, medical-aid control accounts excluded. */
    public record Totals(
            int accounts,
            BigDecimal outstanding,
            BigDecimal current,
            BigDecimal d30,
            BigDecimal d60,
            BigDecimal d90,
            BigDecimal d120,
            BigDecimal d150,
            BigDecimal d180) {}

    /**
     * The database refused the swap and its changes were undone: the pharmacy's previous debtors are untouched and
     * the caller's transaction is usable. The message is for the user (no account data: it also goes to logs and
     * events).
     */
    public static final class SwapFailed extends RuntimeException {
        public SwapFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The database stopped the swap for a reason that passes (a deadlock, a serialization failure, a lock timeout):
     * transient, so the inbox rolls the whole transaction back and tries the chunk again; the report is never marked
     * failed for it. Its cause carries the SQLSTATE, which {@code Failures.TRANSIENT} reads.
     */
    public static final class SwapInterrupted extends RuntimeException {
        public SwapInterrupted(long reportId, String sqlState, Throwable cause) {
            super(
                    "Replacement by report " + reportId + " interrupted (SQLSTATE " + sqlState + "); it is retried",
                    cause != null ? cause : new SQLTransactionRollbackException("swap interrupted", sqlState));
        }
    }

    private final boolean postgres;

    public DebtorSetReplacement(SqlDialect dialect) {
        this.postgres = dialect.isPostgresql();
    }

    /**
     * Replaces the pharmacy's debtors with the staged accounts of the report. Fails with {@link SwapFailed} when the
     * database refused it and it was undone; any other failure (the connection lost, say, so nothing could be
     * undone) leaves the whole transaction to the caller to roll back.
     */
    public Uni<Totals> replace(long pharmacyId, long reportId, OffsetDateTime now) {
        return Panache.getSession()
                .chain(session -> postgres
                        ? swapOnPostgres(session, pharmacyId, reportId, now)
                        : swapInSavepoint(session, pharmacyId, reportId, now));
    }

    private static Uni<Totals> swapOnPostgres(
            Mutiny.Session session, long pharmacyId, long reportId, OffsetDateTime now) {
        return session.createNativeQuery(POSTGRES_SWAP, Object[].class)
                .setParameter(1, pharmacyId)
                .setParameter(2, reportId)
                .setParameter(3, now)
                .getSingleResult()
                .chain(row -> row[0] != null
                        ? refused(reportId, (String) row[0], blankToNull((String) row[1]), null)
                        : Uni.createFrom().item(totals(row, 2)));
    }

    private static Uni<Totals> swapInSavepoint(
            Mutiny.Session session, long pharmacyId, long reportId, OffsetDateTime now) {
        return session.flush() // the report's and chunk's pending changes stay outside the savepoint
                .chain(() -> execute(session, "SAVE TRANSACTION " + SAVEPOINT))
                .chain(() -> session.createNativeQuery(MERGE)
                        .setParameter(1, reportId)
                        .setParameter(2, pharmacyId)
                        .setParameter(3, now)
                        .executeUpdate())
                .chain(() -> session.createNativeQuery(DELETE_UNREPORTED)
                        .setParameter(1, pharmacyId)
                        .setParameter(2, reportId)
                        .executeUpdate())
                .chain(() -> session.createNativeQuery(TOTALS, Object[].class)
                        .setParameter(1, pharmacyId)
                        .setParameter(2, false)
                        .getSingleResult())
                .map(row -> totals(row, 0))
                .onFailure(failure -> !SqlErrors.isTransient(failure))
                // a deadlock victim's transaction is gone already: a transient failure goes to the caller (the inbox
                // retries the whole transaction) instead of being undone to the savepoint and marked failed
                .recoverWithUni(failure -> execute(session, "ROLLBACK TRANSACTION " + SAVEPOINT)
                        .onFailure()
                        .invoke(rollbackFailure -> rollbackFailure.addSuppressed(failure))
                        .chain(() -> refused(
                                reportId, SqlErrors.sqlState(failure), SqlErrors.constraint(failure), failure)));
    }

    private static Uni<Totals> refused(long reportId, String sqlState, String constraint, Throwable cause) {
        if (SqlErrors.isTransientSqlState(sqlState)) {
            LOG.warnf(
                    "Replacement by report %d interrupted by the database (SQLSTATE %s): retried", reportId, sqlState);
            return Uni.createFrom().failure(new SwapInterrupted(reportId, sqlState, cause));
        }
        // ids, SQLSTATE and constraint name only: a database message may quote account data
        LOG.errorf(
                "Replacement by report %d refused by the database and undone: SQLSTATE %s, constraint %s%s",
                reportId,
                sqlState,
                constraint,
                cause == null ? "" : ", " + cause.getClass().getName());
        return Uni.createFrom().failure(new SwapFailed(reason(sqlState, constraint), cause));
    }

    /** What the user reads in the report's error_message (and import-service in ReportProcessed.error). */
    static String reason(String sqlState, String constraint) {
        String unchanged = " The previous debtors are unchanged.";
        String state = sqlState == null ? "" : " (SQLSTATE " + sqlState + ")";
        if (sqlState != null && sqlState.startsWith("23")) {
            return "The report could not be applied: the database refused its accounts"
                    + (constraint == null ? "" : " under rule " + constraint) + state + "." + unchanged
                    + " Check the report against that rule and upload it again; if it is correct, contact support.";
        }
        if (sqlState != null && sqlState.startsWith("22")) {
            return "The report could not be applied: an amount, a total or a text of the report is out of the range"
                    + " the database stores" + state + "." + unchanged + " Check the report's amounts and upload it"
                    + " again.";
        }
        if (sqlState != null && (sqlState.startsWith("40") || sqlState.equals("55P03"))) {
            return "The report could not be applied: the database was busy with a conflicting change" + state + "."
                    + unchanged + " Upload the report again.";
        }
        return "The report could not be applied because of an unexpected database error" + state + "." + unchanged
                + " Upload the report again; if it fails again, contact support.";
    }

    private static Totals totals(Object[] row, int first) {
        return new Totals(
                ((Number) row[first]).intValue(),
                decimal(row[first + 1]),
                decimal(row[first + 2]),
                decimal(row[first + 3]),
                decimal(row[first + 4]),
                decimal(row[first + 5]),
                decimal(row[first + 6]),
                decimal(row[first + 7]),
                decimal(row[first + 8]));
    }

    private static Uni<Void> execute(Mutiny.Session session, String sql) {
        return session.createNativeQuery(sql).executeUpdate().replaceWithVoid();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d.setScale(2) : new BigDecimal(value.toString()).setScale(2);
    }
}
