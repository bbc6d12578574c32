package com.clinicsuite.auth;

import static com.clinicsuite.auth.AuthApi.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
import com.clinicsuite.testkit.KafkaBroker;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API: users, pharmacies, grants, audit, and the events that reach the broker. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class AdminApiTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A consumer subscribed to a topic that does not exist yet only notices it at its next metadata refresh
     * (minutes): create the topics first, as the deployment's Strimzi resources do.
     */
    @BeforeAll
    static void topicsExist() throws Exception {
        try (Admin admin = Admin.create(KafkaBroker.get().clientProperties())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Stream.of(Topics.AUTH_USERS, Topics.AUTH_PHARMACIES)
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 1, (short) 1))
                    .toList();
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /** Types of the outbox rows keyed by {@code key}: written in the transaction of the change. */
    private static List<String> outboxEvents(Object key) throws java.sql.SQLException {
        try (var db = SuiteInfrastructure.jdbcConnection();
                var query = db.prepareStatement(
                        "SELECT event_type FROM outbox_event WHERE aggregate_key = ? ORDER BY id")) {
            query.setString(1, key.toString());
            List<String> types = new java.util.ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        }
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(AuthApi.adminToken()).contentType(ContentType.JSON);
    }

    @Test
    void createsAUserAnd409sADuplicateUsername() {
        String username = AuthApi.unique("nomsa");
        Map<String, Object> body = Map.of(
                "username",
                username,
                "password",
                PASSWORD,
                "email",
                "nomsa@example.org",
                "full_name",
                "Nomsa Dube",
                "roles",
                List.of("staff"),
                "center",
                "punjabi bagh");
        asAdmin()
                .body(body)
                .when()
                .post("/admin/users")
                .then()
                .statusCode(201)
                .body("user_id", notNullValue())
                .body("username", equalTo(username))
                .body("email", equalTo("nomsa@example.org"))
                .body("full_name", equalTo("Nomsa Dube"))
                .body("is_active", equalTo(true))
                .body("roles", contains("staff"))
                .body("center", equalTo("Punjabi Bagh"))
                .body("pharmacies", hasSize(0))
                .body("password", equalTo(null))
                .body("password_hash", equalTo(null));

        asAdmin()
                .body(body)
                .when()
                .post("/admin/users")
                .then()
                .statusCode(409)
                .body("detail", equalTo("Username '" + username + "' is already taken"));
    }

    @Test
    void passwordsAreHashedWithBcrypt() throws Exception {
        String username = AuthApi.unique("hash");
        long id = AuthApi.createUser(username, List.of("staff"), null);
        try (var db = SuiteInfrastructure.jdbcConnection();
                var query = db.prepareStatement("SELECT password_hash FROM app_user WHERE id = ?")) {
            query.setLong(1, id);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).startsWith("$2").doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void rejectsInvalidUsersWith422() {
        Map<String, Object> valid = Map.of("username", AuthApi.unique("v"), "password", PASSWORD, "roles", List.of());
        record Case(String field, Object value) {}
        for (Case c : List.of(
                new Case("password", "short"),
                new Case("center", "Mumbai"),
                new Case("roles", List.of("superuser")),
                new Case("email", "not-an-email"),
                new Case("username", "a b"))) {
            Map<String, Object> body = new HashMap<>(valid);
            body.put(c.field(), c.value());
            asAdmin()
                    .body(body)
                    .when()
                    .post("/admin/users")
                    .then()
                    .statusCode(422)
                    .body("errors.field", hasItem(c.field()));
        }
    }

    @Test
    void listsUsersWithTheirPharmacyCountAndAccess() {
        String username = AuthApi.unique("lister");
        long userId = AuthApi.createUser(username, List.of(), null);
        long pharmacyId = AuthApi.createPharmacy("Listed Pharmacy");
        AuthApi.grant(userId, pharmacyId, true, false);

        asAdmin()
                .when()
                .get("/admin/users")
                .then()
                .statusCode(200)
                .body("find { it.user_id == " + userId + " }.username", equalTo(username))
                .body("find { it.user_id == " + userId + " }.email", equalTo(username + "@example.org"))
                .body("find { it.user_id == " + userId + " }.is_active", equalTo(true))
                .body("find { it.user_id == " + userId + " }.created_at", notNullValue())
                .body("find { it.user_id == " + userId + " }.pharmacy_count", equalTo(1));
        asAdmin()
                .when()
                .get("/admin/users/access")
                .then()
                .statusCode(200)
                .body("find { it.user_id == " + userId + " }.pharmacies[0].pharmacy_id", equalTo((int) pharmacyId))
                .body("find { it.user_id == " + userId + " }.pharmacies[0].pharmacy_name", equalTo("Listed Pharmacy"))
                .body("find { it.user_id == " + userId + " }.pharmacies[0].can_read", equalTo(true))
                .body("find { it.user_id == " + userId + " }.pharmacies[0].can_write", equalTo(false));
        asAdmin()
                .when()
                .get("/admin/users/" + userId)
                .then()
                .statusCode(200)
                .body("user_id", equalTo((int) userId))
                .body("roles", contains("pharmacy"))
                .body("pharmacies", hasSize(1));
        asAdmin()
                .when()
                .get("/admin/users/999999999")
                .then()
                .statusCode(404)
                .body("detail", equalTo("User 999999999 not found"));
    }

    @Test
    void grantChangesAreAnsweredPublishedAndAudited() throws Exception {
        String username = AuthApi.unique("granted");
        long userId = AuthApi.createUser(username, List.of(), null);
        long first = AuthApi.createPharmacy("Grant One");
        long second = AuthApi.createPharmacy("Grant Two");

        asAdmin()
                .body(Map.of("can_read", true, "can_write", true))
                .when()
                .put("/admin/users/" + userId + "/pharmacies/" + first)
                .then()
                .statusCode(200)
                .body("user_id", equalTo((int) userId))
                .body("pharmacy_id", equalTo((int) first))
                .body("pharmacy_name", equalTo("Grant One"))
                .body("can_read", equalTo(true))
                .body("can_write", equalTo(true));
        // write implies read
        asAdmin()
                .body(Map.of("can_read", false, "can_write", true))
                .when()
                .put("/admin/users/" + userId + "/pharmacies/" + second)
                .then()
                .statusCode(200)
                .body("can_read", equalTo(true));
        asAdmin()
                .when()
                .delete("/admin/users/" + userId + "/pharmacies/" + first)
                .then()
                .statusCode(204);

        try (TopicReader users = new TopicReader(Topics.AUTH_USERS)) {
            List<TopicReader.Record> events = users.await(
                    3,
                    r -> r.key().equals(Long.toString(userId))
                            && EventCatalog.GRANTS_CHANGED.type().equals(r.ceType()),
                    EVENT_TIMEOUT);
            assertThat(events).hasSize(3);
            JsonNode last = JSON.readTree(events.get(2).value());
            assertThat(last.get("user_id").asLong()).isEqualTo(userId);
            assertThat(last.get("username").asText()).isEqualTo(username);
            assertThat(last.get("grants")).hasSize(1);
            assertThat(last.get("grants").get(0).get("pharmacy_id").asLong()).isEqualTo(second);
            assertThat(last.get("grants").get(0).get("can_write").asBoolean()).isTrue();
        }

        asAdmin()
                .when()
                .get("/admin/users/" + userId)
                .then()
                .statusCode(200)
                .body("pharmacies.pharmacy_id", contains((int) second));
        asAdmin()
                .queryParam("target_type", "user")
                .queryParam("target_id", userId)
                .when()
                .get("/admin/audit")
                .then()
                .statusCode(200)
                .body(
                        "action",
                        contains("user.grant_changed", "user.grant_changed", "user.grant_changed", "user.created"))
                .body("[0].actor_username", equalTo(AuthApi.ADMIN_USERNAME))
                .body("[0].details", equalTo("pharmacy " + first + ": none"))
                .body("[0].occurred_at", notNullValue());
        asAdmin()
                .body(Map.of("can_read", true, "can_write", false))
                .when()
                .put("/admin/users/" + userId + "/pharmacies/999999999")
                .then()
                .statusCode(404);
    }

    @Test
    void pharmaciesAreCreatedRenamedPublishedAnd409OnDuplicateCode() {
        String code = AuthApi.unique("WIN");
        Number id = asAdmin()
                .body(Map.of("name", "Winterton", "code", code))
                .when()
                .post("/admin/pharmacies")
                .then()
                .statusCode(201)
                .body("name", equalTo("Winterton"))
                .body("code", equalTo(code))
                .body("is_active", equalTo(true))
                .extract()
                .path("id");
        asAdmin()
                .body(Map.of("name", "Winterton Central"))
                .when()
                .put("/admin/pharmacies/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Winterton Central"))
                .body("code", equalTo(code));
        asAdmin()
                .when()
                .get("/admin/pharmacies/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Winterton Central"));
        asAdmin().when().get("/admin/pharmacies").then().statusCode(200).body("id", hasItem(id.intValue()));
        try (TopicReader pharmacies = new TopicReader(Topics.AUTH_PHARMACIES)) {
            List<TopicReader.Record> events = pharmacies.await(
                    2,
                    r -> r.key().equals(id.toString())
                            && EventCatalog.PHARMACY_UPSERTED.type().equals(r.ceType()),
                    EVENT_TIMEOUT);
            assertThat(events)
                    .extracting(TopicReader.Record::value)
                    .satisfiesExactly(
                            created ->
                                    assertThat(created).contains("\"name\":\"Winterton\"", "\"code\":\"" + code + "\""),
                            renamed ->
                                    assertThat(renamed).contains("\"name\":\"Winterton Central\"", "\"active\":true"));
        }
        asAdmin()
                .body(Map.of("name", "Copycat", "code", code))
                .when()
                .post("/admin/pharmacies")
                .then()
                .statusCode(409)
                .body("detail", notNullValue());
        asAdmin()
                .body(Map.of("code", "x"))
                .when()
                .post("/admin/pharmacies")
                .then()
                .statusCode(422);
        asAdmin().when().get("/admin/pharmacies/999999999").then().statusCode(404);
    }

    @Test
    void deactivationIsPublishedAndStopsSignIn() throws Exception {
        String username = AuthApi.unique("deactivated");
        long userId = AuthApi.createUser(username, List.of("staff"), null);
        String token = AuthApi.token(username, PASSWORD);
        asAdmin()
                .body(Map.of("is_active", false))
                .when()
                .put("/admin/users/" + userId)
                .then()
                .statusCode(200)
                .body("is_active", equalTo(false));
        assertThat(outboxEvents(userId)).contains(EventCatalog.USER_DEACTIVATED.type());
        try (TopicReader users = new TopicReader(Topics.AUTH_USERS)) {
            List<TopicReader.Record> events = users.await(
                    1,
                    r -> r.key().equals(Long.toString(userId))
                            && EventCatalog.USER_DEACTIVATED.type().equals(r.ceType()),
                    EVENT_TIMEOUT);
            assertThat(events)
                    .singleElement()
                    .satisfies(e -> assertThat(e.value()).contains("\"user_id\":" + userId, "\"deactivated_at\""));
        }
        AuthApi.login(username, PASSWORD).then().statusCode(401);
        given().auth().oauth2(token).when().get("/users/me").then().statusCode(401);
    }

    @Test
    void updatesFieldsAndResetsThePassword() {
        String username = AuthApi.unique("changer");
        long userId = AuthApi.createUser(username, List.of("staff"), "GK2");
        String renamed = AuthApi.unique("changed");
        String newPassword = "a-brand-new-password";
        asAdmin()
                .body(Map.of(
                        "username",
                        renamed,
                        "center",
                        "Preet-Vihar",
                        "roles",
                        List.of("staff", "admin"),
                        "full_name",
                        "Changed Name",
                        "password",
                        newPassword))
                .when()
                .put("/admin/users/" + userId)
                .then()
                .statusCode(200)
                .body("username", equalTo(renamed))
                .body("center", equalTo("Preet Vihar"))
                .body("roles", contains("staff", "admin"))
                .body("full_name", equalTo("Changed Name"));
        AuthApi.login(renamed, PASSWORD).then().statusCode(401);
        AuthApi.login(renamed, newPassword).then().statusCode(200);
        asAdmin()
                .body(Map.of("center", ""))
                .when()
                .put("/admin/users/" + userId)
                .then()
                .statusCode(200)
                .body("center", equalTo(null));
        asAdmin()
                .body(Map.of("password", "short"))
                .when()
                .put("/admin/users/" + userId)
                .then()
                .statusCode(422);
        asAdmin()
                .body(Map.of("username", AuthApi.ADMIN_USERNAME))
                .when()
                .put("/admin/users/" + userId)
                .then()
                .statusCode(409);
        asAdmin()
                .queryParam("target_id", userId)
                .when()
                .get("/admin/audit")
                .then()
                .statusCode(200)
                .body(
                        "[1].details",
                        equalTo("username, full_name, roles=[staff, admin], center=Preet Vihar, " + "password reset"))
                .body("[1].details", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(newPassword)));
    }
}
