package com.clinicsuite.debtor;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.debtor.service.CommunicationRetention;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reminders past the retention (3 years by default) are deleted in batches; younger ones stay. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class CommunicationRetentionTest {

    @Inject
    CommunicationRetention retention;

    @Test
    void remindersOlderThanTheRetentionGoTheOthersStay() throws Throwable {
        long pharmacy = 880_000 + (System.nanoTime() % 10_000);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            insert(c, pharmacy, "OLD", now.minusYears(4), 12_001); // more than one batch (5,000)
            insert(c, pharmacy, "EDGE", now.minusDays(1094), 3); // just inside the retention
            insert(c, pharmacy, "NEW", now.minusHours(2), 5);
        }

        long deleted = VertxContextSupport.subscribeAndAwait(() -> retention.cleanUp());

        assertThat(deleted).isGreaterThanOrEqualTo(12_001);
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            assertThat(count(c, pharmacy, "OLD")).isZero();
            assertThat(count(c, pharmacy, "EDGE")).isEqualTo(3);
            assertThat(count(c, pharmacy, "NEW")).isEqualTo(5);
        }
        assertThat(VertxContextSupport.<Long>subscribeAndAwait(() -> retention.cleanUp()))
                .isZero();
    }

    private static void insert(Connection c, long pharmacy, String accNo, OffsetDateTime at, int rows)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into communication (pharmacy_id, acc_no, "
                + "reminder_id, communication_type, recipient, amount_due, status, created_at) "
                + "select ?, ?, ? || '-' || n, 'email', 'debtor@example.com', 10.00, 'sent', ? "
                + "from generate_series(1, ?) as n")) {
            insert.setLong(1, pharmacy);
            insert.setString(2, accNo);
            insert.setString(3, UUID.randomUUID().toString().substring(0, 20));
            insert.setObject(4, at);
            insert.setInt(5, rows);
            insert.executeUpdate();
        }
    }

    private static long count(Connection c, long pharmacy, String accNo) throws SQLException {
        try (PreparedStatement query =
                c.prepareStatement("select count(*) from communication where pharmacy_id = ? and acc_no = ?")) {
            query.setLong(1, pharmacy);
            query.setString(2, accNo);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
