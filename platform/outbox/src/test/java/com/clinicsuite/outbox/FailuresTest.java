package com.clinicsuite.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** The default transient / permanent classification and the SQL error reading, on the errors the stack throws. */
class FailuresTest {

    /** A reactive client error as PostgreSQL (SQLSTATE) or SQL Server (error number) reports it. */
    private static DatabaseException database(String sqlState, int number, String message) {
        return new DatabaseException(message, number, sqlState, null) {};
    }

    @Test
    void databaseErrorsAreTransientByTheirSqlStateOrSqlServerNumber() {
        for (String state : new String[] {"40001", "40P01", "08006", "08001", "57P01", "57P03", "53300", "55P03"}) {
            assertThat(Failures.isTransient(database(state, 0, "x"))).as(state).isTrue();
        }
        for (int number : new int[] {1205, 40613, -2, 10054, 4060, 49918}) {
            assertThat(Failures.isTransient(database(null, number, "x")))
                    .as("" + number)
                    .isTrue();
        }
        for (String state : new String[] {"23505", "23514", "22001", "42P01", "57P04"}) {
            assertThat(Failures.isTransient(database(state, 0, "x"))).as(state).isFalse();
        }
        assertThat(Failures.isTransient(database(null, 2627, "Violation of UNIQUE KEY")))
                .isFalse();
        // wrapped the way Hibernate Reactive and Mutiny pass them on
        assertThat(Failures.isTransient(new CompletionException(
                        new JDBCConnectionException("could not connect", new SQLException("refused", "08001")))))
                .isTrue();
    }

    @Test
    void lostConnectionsTimeoutsAndBrokerHiccupsAreTransient() {
        assertThat(Failures.isTransient(new CompletionException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(Failures.isTransient(new VertxException("Connection is closed")))
                .isTrue();
        assertThat(Failures.isTransient(new VertxException("Connection pool reached max wait queue size of 10")))
                .isTrue();
        assertThat(Failures.isTransient(io.vertx.sqlclient.ClosedConnectionException.INSTANCE))
                .isTrue();
        assertThat(Failures.isTransient(new java.util.concurrent.TimeoutException()))
                .isTrue();
        assertThat(Failures.isTransient(new org.apache.kafka.common.errors.NotLeaderOrFollowerException("moved")))
                .isTrue();
        assertThat(Failures.isTransient(new jakarta.ws.rs.ServiceUnavailableException()))
                .isTrue();
    }

    @Test
    void rulesTheDataBreaksUnreadablePayloadsAndBugsArePermanent() {
        assertThat(Failures.isTransient(new PoisonMessageException("unreadable")))
                .isFalse();
        assertThat(Failures.isTransient(new PoisonMessageException("unreadable", new ConnectException("x"))))
                .isFalse();
        assertThat(Failures.isTransient(new IllegalStateException("Account 1 appears twice")))
                .isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).isFalse();
        // a timeout in a message text outside the database and network layers means nothing
        assertThat(Failures.isTransient(new IllegalArgumentException("timeout must be positive")))
                .isFalse();
        assertThat(Failures.isTransient(new jakarta.ws.rs.BadRequestException()))
                .isFalse();
    }

    @Test
    void sqlStateVendorCodeAndConstraintAreReadFromAnyDepth() {
        Throwable pg = new CompletionException(new ConstraintViolationException(
                "could not execute statement",
                new SQLException("duplicate key value violates unique constraint \"debtor_acc_no\"", "23505"),
                "debtor_acc_no"));
        assertThat(SqlErrors.sqlState(pg)).isEqualTo("23505");
        assertThat(SqlErrors.constraint(pg)).isEqualTo("debtor_acc_no");
        assertThat(SqlErrors.isConstraintViolation(pg)).isTrue();
        Throwable mssql = database(
                "S0001",
                547,
                "The INSERT statement conflicted with the CHECK constraint \"ck_credit_balance_amounts\". The"
                        + " conflict occurred in database \"credit\"");
        assertThat(SqlErrors.vendorCode(mssql)).isEqualTo(547);
        assertThat(SqlErrors.constraint(mssql)).isEqualTo("ck_credit_balance_amounts");
        assertThat(SqlErrors.constraint(database("23505", 2627, "Violation of UNIQUE KEY constraint 'uq_voucher'.")))
                .isEqualTo("uq_voucher");
        assertThat(SqlErrors.constraint(new IllegalStateException("constraint violation")))
                .isNull();
        assertThat(SqlErrors.sqlState(new IllegalStateException())).isNull();
    }

    @Test
    void refusalsForTheDataAreToldFromAnAbsentOrBusyDatabase() {
        assertThat(SqlErrors.refusedForItsData(new RuntimeException(database("22001", 0, "value too long"))))
                .isTrue();
        assertThat(SqlErrors.refusedForItsData(database("23502", 0, "null value")))
                .isTrue();
        // SQL Server's client reports no SQLSTATE: its error numbers (truncation, CHECK) decide
        assertThat(SqlErrors.refusedForItsData(database(null, 8152, "String or binary data would be truncated")))
                .isTrue();
        assertThat(SqlErrors.refusedForItsData(database(null, 547, "The INSERT statement conflicted")))
                .isTrue();
        assertThat(SqlErrors.refusedForItsData(database("40001", 0, "could not serialize")))
                .isFalse();
        assertThat(SqlErrors.refusedForItsData(database(null, 1205, "deadlock victim")))
                .isFalse();
        assertThat(SqlErrors.refusedForItsData(new java.net.ConnectException("refused")))
                .isFalse();
    }

    @Test
    void descriptionsNameTheErrorButNotTheDatabaseTextWhichMayQuoteData() {
        String description = Failures.describe(new ConstraintViolationException(
                "could not execute statement",
                new SQLException("Key (email)=(thandi@example.com) already exists", "23505"),
                "users_email"));
        assertThat(description).contains("23505").contains("users_email").doesNotContain("thandi");
        assertThat(Failures.describe(new IllegalStateException("note breaks a rule")))
                .contains("IllegalStateException: note breaks a rule");
    }
}
