package com.clinicsuite.credit.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import com.clinicsuite.credit.service.ApiCall;
import com.clinicsuite.credit.service.ApiLogQueue;
import com.clinicsuite.events.Topics;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ApiLogTest {

    private static final String ADMIN = TestTokens.admin();

    @Inject
    ApiLogQueue apiLog;

    @Inject
    MeterRegistry registry;

    @Test
    void everyAuthenticatedCallIsLoggedAndQueryableByUserAndTime() throws Exception {
        String user = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.user(user).roles("staff").center("GK2").sign();
        String voucher = ("GKQ" + UUID.randomUUID().toString().substring(0, 5)).toUpperCase();
        Instant before = Instant.now();

        try (TopicReader searches = new TopicReader(Topics.CREDIT_VOUCHER_SEARCHES)) {
            given().auth().oauth2(token).when().get("/credit-balances/").then().statusCode(200);
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/credit-balances/999999999")
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/credit-balances/by-center/PB")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("voucher_number", voucher))
                    .when()
                    .post("/credit-balances/by-voucher")
                    .then()
                    .statusCode(404);
            given().when().get("/credit-balances/").then().statusCode(401); // no user: not logged

            JsonPath logs = awaitLogs(user, 4);
            assertThat(logs.getList("endpoint", String.class))
                    .containsExactly(
                            "/credit-balances/by-voucher",
                            "/credit-balances/by-center/PB",
                            "/credit-balances/999999999",
                            "/credit-balances/");
            assertThat(logs.getList("status_code", Integer.class)).containsExactly(404, 403, 404, 200);
            assertThat(logs.getList("method", String.class)).containsExactly("POST", "GET", "GET", "GET");
            assertThat(logs.getString("[0].voucher_number")).isEqualTo(voucher);
            assertThat(logs.getString("[1].voucher_number")).isNull();
            assertThat(logs.getList("client_ip", String.class)).allMatch(ip -> ip.equals("127.0.0.1"));
            assertThat(logs.getList("duration_ms", Integer.class)).allMatch(ms -> ms >= 0 && ms < 60_000);
            assertThat(Instant.parse(logs.getString("[3].timestamp"))).isAfterOrEqualTo(before.minusSeconds(1));

            // the voucher search also reaches the broker, in the event listing its batch's searches
            List<TopicReader.Record> events =
                    searches.await(1, r -> r.value().contains("\"user_name\":\"" + user + "\""), Events.WAIT);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).ceType()).isEqualTo("credit.voucher-searches-logged.v1");
            assertThat(events.get(0).value())
                    .contains("{\"user_name\":\"" + user + "\",\"voucher_number\":\"" + voucher + "\",\"matches\":0,");
        }

        given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api-logs/by-user/" + user)
                .then()
                .statusCode(200)
                .header("X-Total-Count", "4")
                .body("user_name", everyItem(equalTo(user)));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("user_name", user)
                .queryParam("endpoint", "by-voucher")
                .when()
                .get("/api-logs")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("user_name", user)
                .queryParam("to", before.minusSeconds(5).toString())
                .when()
                .get("/api-logs")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "0");
        given().auth()
                .oauth2(ADMIN)
                .queryParam("user_name", user)
                .queryParam("from", before.minusSeconds(5).toString())
                .queryParam("limit", 2)
                .when()
                .get("/api-logs")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "4")
                .body("$", hasSize(2));
    }

    @Test
    void theClientAddressComesFromXForwardedForOnlyWhenATrustedProxySendsIt() throws Exception {
        String user = "proxied-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.user(user).roles("staff").center("GK2").sign();
        // from 127.0.0.1, a trusted proxy (the default TRUSTED_PROXIES): the browser's address is believed
        given().auth()
                .oauth2(token)
                .header("X-Forwarded-For", "203.0.113.7")
                .when()
                .get("/credit-balances/by-user-center")
                .then()
                .statusCode(200);
        // from 127.0.0.2, which is not a trusted proxy: its X-Forwarded-For is ignored, the peer is logged
        assertThat(getFrom("127.0.0.2", "/credit-balances/by-user-center", token, "198.51.100.9"))
                .isEqualTo(200);

        JsonPath logs = awaitLogs(user, 2);
        assertThat(logs.getList("client_ip", String.class)).containsExactly("127.0.0.2", "203.0.113.7");
    }

    @Test
    void aBurstOfCallsIsWrittenExactlyWithOneEventPerBatchListingItsVoucherSearches() throws Exception {
        // several batches (1,000 calls each here), a third of them voucher searches, with texts that must survive
        // the JSON the writer sends them in: quotes, backslash, non-Latin letters, no client address
        String user = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime at = OffsetDateTime.parse("2026-03-01T09:15:30.123456+05:30");
        int calls = 6_000;
        for (int i = 0; i < calls; i++) {
            boolean search = i % 3 == 0;
            apiLog.add(new ApiCall(
                    user,
                    search ? "POST" : "GET",
                    search ? "/credit-balances/by-voucher" : "/credit-balances/by-center/O'Neil \\ \"Ωmega\" " + i,
                    200 + i % 300,
                    search ? "GKV" + i : null,
                    search ? 1 + i % 2 : null,
                    i % 2 == 0 ? null : "10.0.0." + i % 250,
                    i,
                    at.plusNanos(i * 1_000L).toInstant()));
        }
        String mine = "from api_log where user_name = '" + user + "'";
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) " + mine) == calls);
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "select method, endpoint, status_code, voucher_number, client_ip, duration_ms, logged_at "
                                        + mine + " order by duration_ms")) {
            for (int i = 0; rs.next(); i++) {
                boolean search = i % 3 == 0;
                assertThat(rs.getString("endpoint"))
                        .isEqualTo(
                                search
                                        ? "/credit-balances/by-voucher"
                                        : "/credit-balances/by-center/O'Neil \\ \"Ωmega\" " + i);
                assertThat(rs.getString("method")).isEqualTo(search ? "POST" : "GET");
                assertThat(rs.getInt("status_code")).isEqualTo(200 + i % 300);
                assertThat(rs.getString("voucher_number")).isEqualTo(search ? "GKV" + i : null);
                assertThat(rs.getString("client_ip")).isEqualTo(i % 2 == 0 ? null : "10.0.0." + i % 250);
                assertThat(rs.getObject("logged_at", OffsetDateTime.class).toInstant())
                        .isEqualTo(at.plusNanos(i * 1_000L).toInstant());
            }
        }
        // the searches went out as a few events listing them (batches of 1,000 calls, at most 100 searches an
        // event in tests), not one event per search: every search exactly once, with its voucher, count and time
        int searches = (calls + 2) / 3;
        List<String> payloads = payloadsMentioning(user);
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (String payload : payloads) {
            JsonPath event = JsonPath.from(payload);
            List<Map<String, Object>> listed = event.getList("searches");
            assertThat(listed).hasSizeLessThanOrEqualTo(100);
            for (Map<String, Object> search : listed) {
                if (user.equals(search.get("user_name"))) {
                    String voucher = (String) search.get("voucher_number");
                    int i = Integer.parseInt(voucher.substring(3));
                    assertThat(search.get("matches")).isEqualTo(1 + i % 2);
                    assertThat(Instant.parse((String) search.get("searched_at")))
                            .isEqualTo(at.plusNanos(i * 1_000L).toInstant());
                    seen.merge(voucher, 1, Integer::sum);
                }
            }
        }
        assertThat(seen)
                .hasSize(searches)
                .allSatisfy((voucher, times) -> assertThat(times).isEqualTo(1));
        assertThat(payloads.size()).isBetween(searches / 100, searches / 20);
    }

    @Test
    void aVoucherThatUpperCasesPastItsColumnIsLoggedCutAndOrdinaryCallsAfterItToo() {
        String user = "eszett-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.user(user).roles("staff").center("GK2").sign();
        // 20 characters, upper-cased to 40: this search used to make every later API-log batch fail
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("voucher_number", "ß".repeat(20)))
                .when()
                .post("/credit-balances/by-voucher")
                .then()
                .statusCode(404);
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/credit-balances/by-user-center")
                    .then()
                    .statusCode(200);
        }
        JsonPath logs = awaitLogs(user, 4);
        assertThat(logs.getList("endpoint", String.class))
                .containsExactly(
                        "/credit-balances/by-user-center",
                        "/credit-balances/by-user-center",
                        "/credit-balances/by-user-center",
                        "/credit-balances/by-voucher");
        assertThat(logs.getString("[3].voucher_number")).isEqualTo("S".repeat(20));
    }

    @Test
    void everyFieldIsNormalisedAndCutToItsColumn() throws Exception {
        String user = "fields-" + UUID.randomUUID().toString().substring(0, 8);
        String longName = user + "-x" + "😀".repeat(60); // a surrogate pair across the 100-unit boundary
        apiLog.add(new ApiCall(
                longName,
                "PROPFIND-LONG",
                "/x\u0000y/" + "é".repeat(600),
                200,
                "ｇｋ\u200bａｂ\u0007ｃ" + "ß".repeat(30),
                0,
                "2001:db8::😀" + "1".repeat(80),
                1,
                Instant.now()));
        String mine = "from api_log where user_name like '" + user + "%'";
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) " + mine) == 1);
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("select user_name, method, endpoint, voucher_number, client_ip " + mine)) {
            assertThat(rs.next()).isTrue();
            String name = rs.getString("user_name");
            assertThat(name).hasSize(99); // not 100: that would end in half a pair
            assertThat(name).startsWith(user).doesNotContain("\uFFFD");
            assertThat(Character.isHighSurrogate(name.charAt(name.length() - 1)))
                    .isFalse();
            assertThat(rs.getString("method")).isEqualTo("PROPFIND-L");
            assertThat(rs.getString("endpoint")).hasSize(500).startsWith("/xy/é");
            assertThat(rs.getString("voucher_number")).isEqualTo("GKABC" + "S".repeat(15));
            assertThat(rs.getString("client_ip")).hasSize(64).startsWith("2001:db8::?1");
        }
    }

    @Test
    void aRowTheDatabaseRefusesIsDroppedAndCountedAndTheRestOfItsBatchIsWritten() throws Exception {
        String user = "check-" + UUID.randomUUID().toString().substring(0, 8);
        String poison = user + "-poison";
        // a rule the service does not know of: the database refuses that one row, whatever the writer does
        execute("alter table api_log add constraint api_log_test_poison check (user_name <> '" + poison + "')");
        try {
            double rejectedBefore = rejected();
            List<Integer> poisoned = List.of(17, 333, 998);
            for (int i = 0; i < 1_000; i++) {
                apiLog.add(new ApiCall(
                        poisoned.contains(i) ? poison : user,
                        "GET",
                        "/credit-balances/" + i,
                        200,
                        null,
                        null,
                        null,
                        i,
                        Instant.now()));
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count("select count(*) from api_log where user_name = '" + user + "'") == 997);
            await().atMost(Duration.ofSeconds(10)).until(() -> rejected() - rejectedBefore >= 3);
            assertThat(rejected() - rejectedBefore).isEqualTo(3);
            assertThat(count("select count(*) from api_log where user_name = '" + poison + "'"))
                    .isZero();
        } finally {
            execute("alter table api_log drop constraint api_log_test_poison");
        }
        // and the writer goes on
        String after = "after-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(TestTokens.user(after).roles("staff").center("GK2").sign())
                .when()
                .get("/credit-balances/by-user-center")
                .then()
                .statusCode(200);
        awaitLogs(after, 1);
    }

    private double rejected() {
        return registry.counter("api_log.rejected").count();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            c.createStatement().execute(sql);
        }
    }

    private static List<String> payloadsMentioning(String user) throws SQLException {
        List<String> payloads = new java.util.ArrayList<>();
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("select payload from outbox_event where event_type = "
                                + "'credit.voucher-searches-logged.v1' and payload like '%\"user_name\":\"" + user
                                + "\"%'")) {
            while (rs.next()) {
                payloads.add(rs.getString(1));
            }
        }
        return payloads;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void onlyAdminsReadTheLog() {
        given().auth()
                .oauth2(TestTokens.staff("GK2"))
                .when()
                .get("/api-logs")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.staff("GK2"))
                .when()
                .get("/api-logs/by-user/admin")
                .then()
                .statusCode(403);
        given().when().get("/api-logs").then().statusCode(401);
        given().auth()
                .oauth2(ADMIN)
                .queryParam("from", "yesterday")
                .when()
                .get("/api-logs")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("from"))
                .body("detail", containsString("from"));
    }

    /** A GET sent from a chosen local address (RestAssured cannot pick one); the response status. */
    private static int getFrom(String localAddress, String path, String token, String forwardedFor) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nX-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static JsonPath awaitLogs(String user, int count) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().auth()
                                .oauth2(ADMIN)
                                .queryParam("user_name", user)
                                .when()
                                .get("/api-logs")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        logs -> logs.getList("$").size() >= count);
    }
}
