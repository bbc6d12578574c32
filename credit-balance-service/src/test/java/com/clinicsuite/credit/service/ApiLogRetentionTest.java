package com.clinicsuite.credit.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The API log's monthly partitions, their retention and the counts kept per day (migration V7). */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ApiLogRetentionTest {

    @Inject
    ApiLogRetention retention;

    @Test
    void monthsAheadExistAndMonthsPastTheRetentionAreDroppedWithTheirCounts() throws Throwable {
        String user = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        YearMonth expired = now.minusMonths(15); // retention is 13 months before the current one
        YearMonth kept = now.minusMonths(2);
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            execute(c, "select api_log_add_month(?)", expired.atDay(1));
            insertCalls(c, user, expired.atDay(10).atTime(12, 0).atOffset(ZoneOffset.UTC), 3);
            // a month without a partition: its rows wait in the default partition, and go when their month expires
            insertCalls(c, user, now.minusMonths(20).atDay(3).atTime(8, 0).atOffset(ZoneOffset.UTC), 2);
            insertCalls(c, user, kept.atDay(5).atTime(9, 30).atOffset(ZoneOffset.UTC), 4);
            assertThat(countRows(c, user)).isEqualTo(9);
            assertThat(dailyCalls(c, user)).isEqualTo(9);
        }

        VertxContextSupport.subscribeAndAwait(() -> retention.maintain());

        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            List<String> partitions = partitions(c);
            assertThat(partitions).doesNotContain(partitionName(expired));
            for (int ahead = 0; ahead <= 2; ahead++) {
                assertThat(partitions).contains(partitionName(now.plusMonths(ahead)));
            }
            assertThat(countRows(c, user)).isEqualTo(4);
            assertThat(dailyCalls(c, user)).isEqualTo(4);
        }
        // the API answers what is left, counted from the daily totals
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get("/api-logs/by-user/" + user)
                .then()
                .statusCode(200)
                .header("X-Total-Count", "4");
    }

    @Test
    void rowsWrittenBeforeTheirMonthHadAPartitionMoveIntoIt() throws Exception {
        String user = "late-month-" + UUID.randomUUID().toString().substring(0, 8);
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(7);
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            insertCalls(c, user, month.atDay(2).atTime(1, 0).atOffset(ZoneOffset.UTC), 3);
            assertThat(partitionOf(c, user)).isEqualTo("api_log_default");
            execute(c, "select api_log_add_month(?)", month.atDay(1));
            assertThat(partitionOf(c, user)).isEqualTo(partitionName(month));
            assertThat(countRows(c, user)).isEqualTo(3);
            assertThat(dailyCalls(c, user)).isEqualTo(3); // moved, not counted again
        }
    }

    @Test
    void totalsOfDateRangesAddWholeDaysAndCountThePartialOnes() throws Exception {
        String user = "ranges-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            for (int d = 0; d < 4; d++) { // 4 days, calls at 06:00 and 18:00 of each
                insertCalls(c, user, day.plusDays(d).atTime(6, 0).atOffset(ZoneOffset.UTC), 1);
                insertCalls(c, user, day.plusDays(d).atTime(18, 0).atOffset(ZoneOffset.UTC), 1);
            }
        }
        OffsetDateTime start = day.atStartOfDay().atOffset(ZoneOffset.UTC);
        assertTotal(user, null, null, 8);
        assertTotal(user, start, start.plusDays(4), 8); // whole days only
        assertTotal(user, start.plusHours(12), start.plusDays(3).plusHours(12), 6); // half a day at each end
        assertTotal(user, start.plusHours(12), null, 7);
        assertTotal(user, null, start.plusDays(1).plusHours(7), 3);
        assertTotal(user, start.plusHours(5), start.plusHours(7), 1); // within one day
        assertTotal(user, start.plusDays(1).plusHours(6), start.plusDays(1).plusHours(6), 0); // empty
        // another offset than UTC names the same instants
        assertTotal(user, start.plusHours(12).withOffsetSameInstant(ZoneOffset.ofHoursMinutes(5, 30)), null, 7);
    }

    private static void assertTotal(String user, OffsetDateTime from, OffsetDateTime to, int expected) {
        var request = given().auth().oauth2(TestTokens.admin()).queryParam("user_name", user);
        if (from != null) {
            request.queryParam("from", from.toString());
        }
        if (to != null) {
            request.queryParam("to", to.toString());
        }
        request.when().get("/api-logs").then().statusCode(200).header("X-Total-Count", String.valueOf(expected));
    }

    private static void insertCalls(Connection c, String user, OffsetDateTime at, int calls) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into api_log (user_name, method, endpoint, status_code, duration_ms, logged_at) "
                        + "select ?, 'GET', '/credit-balances/', 200, 3, ? from generate_series(1, ?)")) {
            insert.setString(1, user);
            insert.setObject(2, at);
            insert.setInt(3, calls);
            insert.executeUpdate();
        }
    }

    private static void execute(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.execute();
        }
    }

    private static long countRows(Connection c, String user) throws SQLException {
        return single(c, "select count(*) from api_log where user_name = ?", user);
    }

    private static long dailyCalls(Connection c, String user) throws SQLException {
        return single(c, "select coalesce(sum(calls), 0) from api_log_daily_calls where user_name = ?", user);
    }

    private static String partitionOf(Connection c, String user) throws SQLException {
        try (PreparedStatement query =
                c.prepareStatement("select distinct tableoid::regclass::text from api_log where user_name = ?")) {
            query.setString(1, user);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                String partition = rows.getString(1);
                assertThat(rows.next()).as("rows in one partition").isFalse();
                return partition;
            }
        }
    }

    private static long single(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<String> partitions(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query =
                        c.prepareStatement("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                                + "where i.inhparent = 'api_log'::regclass");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String partitionName(YearMonth month) {
        return String.format("api_log_%04d_%02d", month.getYear(), month.getMonthValue());
    }
}
