package com.clinicsuite.credit.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import com.clinicsuite.events.Topics;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ApiLogTest {

    private static final String ADMIN = TestTokens.admin();

    @Test
    void everyAuthenticatedCallIsLoggedAndQueryableByUserAndTime() throws Exception {
        String user = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.user(user).roles("staff").center("GK2").sign();
        String voucher = ("GKQ" + UUID.randomUUID().toString().substring(0, 5)).toUpperCase();
        Instant before = Instant.now();

        try (TopicReader searches = new TopicReader(Topics.CREDIT_VOUCHER_SEARCHES)) {
            given().auth().oauth2(token).when().get("/credit-balances/").then().statusCode(200);
            given().auth().oauth2(token).when().get("/credit-balances/999999999").then().statusCode(404);
            given().auth().oauth2(token).when().get("/credit-balances/by-center/PB").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("voucher_number", voucher))
                    .when().post("/credit-balances/by-voucher").then().statusCode(404);
            given().when().get("/credit-balances/").then().statusCode(401); // no user: not logged

            JsonPath logs = awaitLogs(user, 4);
            assertThat(logs.getList("endpoint", String.class)).containsExactly(
                    "/credit-balances/by-voucher", "/credit-balances/by-center/PB", "/credit-balances/999999999",
                    "/credit-balances/");
            assertThat(logs.getList("status_code", Integer.class)).containsExactly(404, 403, 404, 200);
            assertThat(logs.getList("method", String.class)).containsExactly("POST", "GET", "GET", "GET");
            assertThat(logs.getString("[0].voucher_number")).isEqualTo(voucher);
            assertThat(logs.getString("[1].voucher_number")).isNull();
            assertThat(logs.getList("client_ip", String.class)).allMatch(ip -> ip.equals("127.0.0.1"));
            assertThat(logs.getList("duration_ms", Integer.class)).allMatch(ms -> ms >= 0 && ms < 60_000);
            assertThat(Instant.parse(logs.getString("[3].timestamp"))).isAfterOrEqualTo(before.minusSeconds(1));

            // the voucher search also reaches the broker, keyed by voucher
            List<TopicReader.Record> events = searches.await(1, r -> voucher.equals(r.key()), Events.WAIT);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).ceType()).isEqualTo("credit.voucher-searched.v1");
            assertThat(events.get(0).value()).contains("\"user_name\":\"" + user + "\"").contains("\"matches\":0");
        }

        given().auth().oauth2(ADMIN).when().get("/api-logs/by-user/" + user)
                .then().statusCode(200).header("X-Total-Count", "4").body("user_name", everyItem(equalTo(user)));
        given().auth().oauth2(ADMIN).queryParam("user_name", user).queryParam("endpoint", "by-voucher")
                .when().get("/api-logs").then().statusCode(200).body("$", hasSize(1));
        given().auth().oauth2(ADMIN).queryParam("user_name", user).queryParam("to", before.minusSeconds(5).toString())
                .when().get("/api-logs").then().statusCode(200).header("X-Total-Count", "0");
        given().auth().oauth2(ADMIN).queryParam("user_name", user).queryParam("from", before.minusSeconds(5).toString())
                .queryParam("limit", 2)
                .when().get("/api-logs").then().statusCode(200).header("X-Total-Count", "4").body("$", hasSize(2));
    }

    @Test
    void onlyAdminsReadTheLog() {
        given().auth().oauth2(TestTokens.staff("GK2")).when().get("/api-logs").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff("GK2")).when().get("/api-logs/by-user/admin").then().statusCode(403);
        given().when().get("/api-logs").then().statusCode(401);
        given().auth().oauth2(ADMIN).queryParam("from", "yesterday").when().get("/api-logs")
                .then().statusCode(400).body("detail", containsString("from"));
    }

    private static JsonPath awaitLogs(String user, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonPath logs;
        do {
            Thread.sleep(300);
            logs = given().auth().oauth2(ADMIN).queryParam("user_name", user)
                    .when().get("/api-logs").then().statusCode(200).extract().jsonPath();
        } while (logs.getList("$").size() < count && System.nanoTime() < deadline);
        assertThat(logs.getList("$")).hasSize(count);
        return logs;
    }
}
