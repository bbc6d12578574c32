package com.clinicsuite.auth;

import static com.clinicsuite.auth.AuthApi.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
import com.clinicsuite.security.AccessRevocations;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access that ends when it is taken away, through the real broker: auth-service publishes
 * auth.user-access-changed.v1 with the change, and its own platform-security consumer (the one every service runs)
 * then refuses the user's older tokens with 401 token_revoked, within 5 s; tokens issued after the change work.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class AccessRevocationTest {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean reading;

    @Inject
    JWTParser parser;

    @Inject
    AccessRevocations revocations;

    /**
     * The 5 s are those of a running replica: on the test's fresh broker auth.users only appears once the
     * application subscribed, so first wait (generously) until its consumer reads the topic.
     */
    @BeforeEach
    void consumerReadsTheTopic() {
        if (reading) {
            return;
        }
        String username = AuthApi.unique("probe");
        long userId = AuthApi.createUser(username, List.of("staff"), "GK2");
        String token = AuthApi.token(username, PASSWORD);
        update(userId, Map.of("center", "PB"));
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> me(token).then().statusCode(401));
        reading = true;
    }

    @Test
    void removingAGrantEndsTheTokensIssuedBeforeWithinFiveSecondsAndTheNextTokenWorks() throws Exception {
        long pharmacyId = AuthApi.createPharmacy("Revocation Pharmacy");
        String username = AuthApi.unique("narrowed");
        long userId = AuthApi.createUser(username, List.of(), null);
        AuthApi.grant(userId, pharmacyId, true, true);
        Response login = AuthApi.login(username, PASSWORD);
        String before = login.then().statusCode(200).extract().path("access_token");
        String refreshToken = login.path("refresh_token");
        me(before).then().statusCode(200).body("pharmacies", hasSize(1));
        me(before).then().statusCode(200); // the second use is answered from the verified-token cache

        given().auth()
                .oauth2(AuthApi.adminToken())
                .when()
                .delete("/admin/users/" + userId + "/pharmacies/" + pharmacyId)
                .then()
                .statusCode(204);
        awaitRevoked(userId, before);
        me(before)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("code", equalTo("token_revoked"))
                .body("detail", equalTo("Your access has changed since this token was issued: sign in again"));

        // signed right after the change (most likely in the same second): it states the new access and works
        String after = AuthApi.token(username, PASSWORD);
        me(after).then().statusCode(200).body("pharmacies", hasSize(0));
        // a grant change keeps the session: the refresh answers a token with the new access
        String refreshed =
                refresh(refreshToken).then().statusCode(200).extract().path("access_token");
        me(refreshed).then().statusCode(200).body("pharmacies", hasSize(0));

        // the events on the broker (the grant given, then removed) carry the instants the tokens state
        List<JsonNode> events = accessChangedEvents(userId, 2);
        JsonNode event = events.get(1);
        assertThat(event.get("reasons").get(0).asText()).isEqualTo("grants");
        long notBefore = Instant.parse(event.get("not_before").asText()).toEpochMilli();
        assertThat(claims(after).get("access_version").asLong()).isEqualTo(notBefore);
        assertThat(claims(before).get("access_version").asLong())
                .isEqualTo(
                        Instant.parse(events.get(0).get("not_before").asText()).toEpochMilli())
                .isLessThan(notBefore);
    }

    @Test
    void changingRolesCenterOrPasswordEndsTheTokensIssuedBefore() throws Exception {
        String username = AuthApi.unique("changing");
        long userId = AuthApi.createUser(username, List.of("staff"), "GK2");

        String beforeCenter = AuthApi.token(username, PASSWORD);
        update(userId, Map.of("center", "Pitampura"));
        awaitRevoked(userId, beforeCenter);
        String beforeRoles = AuthApi.token(username, PASSWORD);
        me(beforeRoles).then().statusCode(200).body("center", equalTo("Pitampura"));

        String refreshToken = AuthApi.login(username, PASSWORD).path("refresh_token");
        update(userId, Map.of("roles", List.of("staff", "pharmacy")));
        awaitRevoked(userId, beforeRoles);
        // a role change also ends the sessions: sign in again
        refresh(refreshToken).then().statusCode(401);

        String beforeReset = AuthApi.token(username, PASSWORD);
        update(userId, Map.of("password", "a-reset-password-1"));
        awaitRevoked(userId, beforeReset);
        me(AuthApi.token(username, "a-reset-password-1")).then().statusCode(200);
    }

    @Test
    void deactivationEndsTheTokensAndSettingTheSameGrantAgainEndsNothing() throws Exception {
        long pharmacyId = AuthApi.createPharmacy("Unchanged Pharmacy");
        String username = AuthApi.unique("steady");
        long userId = AuthApi.createUser(username, List.of(), null);
        AuthApi.grant(userId, pharmacyId, true, false);
        String token = AuthApi.token(username, PASSWORD);
        int changesBefore = accessChangedRows(userId);

        AuthApi.grant(userId, pharmacyId, true, false); // the same access again: no change
        assertThat(accessChangedRows(userId)).isEqualTo(changesBefore);
        me(token).then().statusCode(200);

        update(userId, Map.of("is_active", false));
        assertThat(accessChangedRows(userId)).isEqualTo(changesBefore + 1);
        awaitRevoked(userId, token);
    }

    private static Response me(String token) {
        return given().auth().oauth2(token).when().get("/users/me");
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("refresh_token", refreshToken))
                .when()
                .post("/auth/refresh");
    }

    private static void update(long userId, Map<String, Object> changes) {
        given().auth()
                .oauth2(AuthApi.adminToken())
                .contentType(ContentType.JSON)
                .body(changes)
                .when()
                .put("/admin/users/" + userId)
                .then()
                .statusCode(200);
    }

    /**
     * Within 5 s of the change's answer this replica refuses the token: its state is polled in-process (HTTP calls
     * on this loaded machine would time the machine, not the event's way), then a request shows the refusal.
     */
    private void awaitRevoked(long userId, String token) throws Exception {
        JsonWebToken jwt = parser.parse(token);
        await().atMost(FIVE_SECONDS)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> revocations.isRevoked(userId, jwt));
        me(token).then().statusCode(401).body("code", equalTo("token_revoked"));
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static List<JsonNode> accessChangedEvents(long userId, int count) throws Exception {
        try (TopicReader users = new TopicReader(Topics.AUTH_USERS)) {
            List<TopicReader.Record> records = users.await(
                    count,
                    r -> r.key().equals(Long.toString(userId))
                            && EventCatalog.USER_ACCESS_CHANGED.type().equals(r.ceType()),
                    Duration.ofSeconds(30));
            assertThat(records).hasSize(count);
            List<JsonNode> events = new java.util.ArrayList<>();
            for (TopicReader.Record r : records) {
                events.add(JSON.readTree(r.value().getBytes(StandardCharsets.UTF_8)));
            }
            return events;
        }
    }

    /** auth.user-access-changed.v1 rows the outbox holds for this user (written in the change's transaction). */
    private static int accessChangedRows(long userId) throws Exception {
        try (var db = SuiteInfrastructure.jdbcConnection();
                var query = db.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE aggregate_key = ? AND event_type = ?")) {
            query.setString(1, Long.toString(userId));
            query.setString(2, EventCatalog.USER_ACCESS_CHANGED.type());
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
