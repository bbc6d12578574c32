package com.clinicsuite.outbox;

import io.vertx.sqlclient.DatabaseException;
import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * What a database error says, for PostgreSQL and SQL Server alike: its SQLSTATE, its SQL Server error number, the
 * constraint it names, and whether trying again can succeed. The one place the suite reads database errors: the
 * reactive clients ({@link DatabaseException}), Hibernate ({@link JDBCException}) and JDBC ({@link SQLException})
 * each carry them differently, often several causes deep.
 */
public final class SqlErrors {

    /**
     * PostgreSQL SQLSTATEs (and their classes) after which the same statement can succeed: class 08 connection
     * exceptions, 40001 serialization failure, 40P01 deadlock, 55P03 lock not available, 53 insufficient resources,
     * 57P01-57P05 operator intervention (shutdown, crash, starting up, idle session timeout), 57014 cancelled
     * (statement timeout), 58000/58030 system and I/O errors, 25006 read-only transaction (a failover in progress).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");

    private static final Set<String> TRANSIENT_STATES =
            Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03", "57P05", "57014", "58000", "58030", "25006");

    /**
     * SQL Server error numbers after which the same statement can succeed: 1205 deadlock victim, 1222 lock timeout,
     * 3960 snapshot update conflict, -2 client timeout, 233/64/20/10053/10054/10060 transport errors, 4060/4221
     * database unavailable or in recovery, 40613/40501/40197/49918/49919/49920 service busy or reconfiguring,
     * 10928/10929 resource limits, 8645 memory grant timeout.
     */
    private static final Set<Integer> TRANSIENT_SQL_SERVER_NUMBERS = Set.of(
            1205, 1222, 3960, -2, 233, 64, 20, 10053, 10054, 10060, 4060, 4221, 40613, 40501, 40197, 49918, 49919,
            49920, 10928, 10929, 8645);

    /**
     * SQL Server error numbers of a statement refused for its data (the MSSQL client reports no SQLSTATE): NULL into
     * NOT NULL, CHECK/foreign key, duplicate key, truncation, conversion, overflow, malformed JSON.
     */
    private static final Set<Integer> SQL_SERVER_DATA_ERRORS =
            Set.of(515, 547, 2601, 2627, 2628, 8152, 241, 242, 245, 8114, 8115, 220, 13609);

    /** A constraint named in a message: PostgreSQL quotes it with ", SQL Server with " (CHECK, FK) or ' (keys). */
    private static final Pattern QUOTED_CONSTRAINT = Pattern.compile("constraint [\"']([A-Za-z0-9_$#@]+)[\"']");

    private SqlErrors() {}

    /** The first SQLSTATE in the cause chain, or null. */
    public static String sqlState(Throwable failure) {
        for (Throwable t : Causes.of(failure)) {
            String state = null;
            if (t instanceof DatabaseException db) {
                state = db.getSqlState();
            } else if (t instanceof JDBCException jdbc) {
                state = jdbc.getSQLState();
            } else if (t instanceof SQLException sql) {
                state = sql.getSQLState();
            }
            if (state != null && !state.isBlank()) {
                return state;
            }
        }
        return null;
    }

    /** The first vendor error number in the cause chain (SQL Server's error number), or 0. */
    public static int vendorCode(Throwable failure) {
        for (Throwable t : Causes.of(failure)) {
            int code = 0;
            if (t instanceof DatabaseException db) {
                code = db.getErrorCode();
            } else if (t instanceof JDBCException jdbc) {
                code = jdbc.getErrorCode();
            } else if (t instanceof SQLException sql) {
                code = sql.getErrorCode();
            }
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }

    /** The constraint a refusal names (as Hibernate extracted it, else as the database's message quotes it), or null. */
    public static String constraint(Throwable failure) {
        for (Throwable t : Causes.of(failure)) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return violation.getConstraintName();
            }
        }
        for (Throwable t : Causes.of(failure)) {
            Matcher m = QUOTED_CONSTRAINT.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** Whether the failure is a database error that the same statement may not meet on another try. */
    public static boolean isTransient(Throwable failure) {
        return isTransientSqlState(sqlState(failure)) || TRANSIENT_SQL_SERVER_NUMBERS.contains(vendorCode(failure));
    }

    /** Whether a SQLSTATE says "try again" (see {@link #TRANSIENT_STATES}). */
    public static boolean isTransientSqlState(String sqlState) {
        return sqlState != null
                && sqlState.length() == 5
                && (TRANSIENT_STATES.contains(sqlState) || TRANSIENT_CLASSES.contains(sqlState.substring(0, 2)));
    }

    /** Whether the SQLSTATE is an integrity constraint violation (class 23): a rule the data breaks. */
    public static boolean isConstraintViolation(Throwable failure) {
        String state = sqlState(failure);
        return (state != null && state.startsWith("23")) || constraintViolationType(failure);
    }

    /**
     * Whether the database refused the statement for the data it carries (SQLSTATE class 22 data exception or 23
     * integrity constraint violation; SQL Server's equivalents), as opposed to not answering or a conflict: the same
     * data will be refused again.
     */
    public static boolean refusedForItsData(Throwable failure) {
        String state = sqlState(failure);
        if (state != null) {
            return state.startsWith("22") || state.startsWith("23");
        }
        return SQL_SERVER_DATA_ERRORS.contains(vendorCode(failure));
    }

    private static boolean constraintViolationType(Throwable failure) {
        for (Throwable t : Causes.of(failure)) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
