package com.clinicsuite.outbox;

import static com.clinicsuite.outbox.OutboxTestSupport.cloudEvent;
import static com.clinicsuite.outbox.OutboxTestSupport.count;
import static com.clinicsuite.outbox.OutboxTestSupport.note;
import static com.clinicsuite.outbox.OutboxTestSupport.producer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.clinicsuite.outbox.testapp.NoteConsumer;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dead letters through the operations endpoints: listed with their error, replayed after a fix, at most once. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class DeadLetterReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    MeterRegistry registry;

    @AfterEach
    void unfix() {
        NoteConsumer.fixed = false;
    }

    @Test
    void anOperatorSeesADeadLetterAndReplaysItAfterTheFixOnceOnly() throws Exception {
        String key = "replay-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(cloudEvent(eventId, key, note(key, 0, "rejected-until-fixed")))
                    .get();
        }
        await().atMost(WAIT)
                .until(() -> count("select count(*) from inbox_dead_letter where event_id = '" + eventId
                                + "' and consumer = 'note-consumer'")
                        == 1);
        JsonPath listed = given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("consumer", "note-consumer")
                .queryParam("topic", "test.notes")
                .queryParam("limit", 1000)
                .when()
                .get("/ops/dead-letters")
                .then()
                .statusCode(200)
                .header("X-Total-Count", org.hamcrest.Matchers.notNullValue())
                .extract()
                .jsonPath();
        String entry = "find { it.event_id == '" + eventId + "' }";
        assertThat(listed.getString(entry + ".status")).isEqualTo("open");
        assertThat(listed.getString(entry + ".error"))
                .contains("IllegalStateException")
                .contains("breaks a rule");
        assertThat(listed.getString(entry + ".key")).isEqualTo(key);
        assertThat(listed.getInt(entry + ".attempts")).isEqualTo(1);
        long id = listed.getLong(entry + ".id");

        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get("/ops/dead-letters/" + id)
                .then()
                .statusCode(200)
                .body("payload", equalTo(note(key, 0, "rejected-until-fixed")))
                .body("headers.ce_id", equalTo(eventId))
                .body("dead_letter.consumer", equalTo("note-consumer"));

        double otherConsumerIgnored = registry.counter("inbox.replays_ignored", "consumer", "note-counter")
                .count();
        // replayed before the fix: it fails again, the same row counts a second attempt and is open again
        replay(id).body("status", equalTo("replayed"));
        await().atMost(WAIT)
                .until(() -> count("select count(*) from inbox_dead_letter where id = " + id
                                + " and attempts = 2 and replayed_at < last_failed_at")
                        == 1);

        NoteConsumer.fixed = true;
        replay(id).body("status", equalTo("replayed"));
        await().atMost(WAIT)
                .until(() -> count("select count(*) from note_seen where event_id = '" + eventId + "'") == 1);
        await().atMost(WAIT)
                .until(() -> count("select count(*) from inbox_dead_letter where id = " + id
                                + " and resolved_at is not null")
                        == 1);
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get("/ops/dead-letters/" + id)
                .then()
                .statusCode(200)
                .body("dead_letter.status", equalTo("resolved"));

        // once more: the event is processed already and stays so
        double duplicates = registry.counter("inbox.duplicates", "consumer", "note-consumer")
                .count();
        replay(id);
        await().atMost(WAIT)
                .until(() -> registry.counter("inbox.duplicates", "consumer", "note-consumer")
                                .count()
                        > duplicates);
        assertThat(count("select count(*) from note_seen where event_id = '" + eventId + "'"))
                .isEqualTo(1);

        // the other consumer of the topic received the three replays too and left them alone
        await().atMost(WAIT)
                .until(() -> registry.counter("inbox.replays_ignored", "consumer", "note-counter")
                                .count()
                        >= otherConsumerIgnored + 3);
        assertThat(count("select count(*) from note_counted where event_id = '" + eventId + "'"))
                .isEqualTo(1);
    }

    @Test
    void replayingAllOpenDeadLettersOfAConsumerAppliesThemInTheirOrder() throws Exception {
        String key = "replay-all-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int seq = 0; seq < 3; seq++) {
                producer.send(cloudEvent(
                                UUID.randomUUID().toString(), key, note(key, seq, "rejected-until-fixed " + seq)))
                        .get();
            }
        }
        await().atMost(WAIT)
                .until(() -> count("select count(*) from inbox_dead_letter where consumer = 'note-consumer'"
                                + " and record_key = '" + key + "'")
                        == 3);
        NoteConsumer.fixed = true;
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("consumer", "note-consumer")
                .when()
                .post("/ops/dead-letters/replay")
                .then()
                .statusCode(200)
                .body("replayed", greaterThanOrEqualTo(3));
        await().atMost(WAIT).until(() -> count("select count(*) from note_seen where note_key = '" + key + "'") == 3);
        assertThat(bodiesInAppliedOrder(key))
                .containsExactly("rejected-until-fixed 0", "rejected-until-fixed 1", "rejected-until-fixed 2");
        await().atMost(WAIT)
                .until(() -> count("select count(*) from inbox_dead_letter where record_key = '" + key
                                + "' and resolved_at is not null")
                        == 3);
    }

    @Test
    void onlyAnAdminReachesTheOperationsEndpointsAndBadInputIsA400() {
        given().when().get("/ops/dead-letters").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.staff("GK2"))
                .when()
                .get("/ops/dead-letters")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.staff("GK2"))
                .when()
                .post("/ops/outbox/parked/requeue")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get("/ops/dead-letters/987654321")
                .then()
                .statusCode(404)
                .body("detail", containsString("987654321"));
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .post("/ops/dead-letters/987654321/replay")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("status", "lost")
                .when()
                .get("/ops/dead-letters")
                .then()
                .statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("status"))
                .body("detail", containsString("status"));
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("limit", "0")
                .when()
                .get("/ops/outbox/parked")
                .then()
                .statusCode(422)
                .body("detail", containsString("limit"));
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("skip", "many")
                .when()
                .get("/ops/dead-letters")
                .then()
                .statusCode(422);
    }

    private static io.restassured.response.ValidatableResponse replay(long id) {
        return given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .post("/ops/dead-letters/" + id + "/replay")
                .then()
                .statusCode(200);
    }

    private static List<String> bodiesInAppliedOrder(String key) throws Exception {
        List<String> bodies = new ArrayList<>();
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("select body from note_seen where note_key = '" + key + "' order by id")) {
            while (rs.next()) {
                bodies.add(rs.getString(1));
            }
        }
        return bodies;
    }
}
