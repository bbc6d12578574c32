package com.clinicsuite.outbox;

import static com.clinicsuite.outbox.OutboxTestSupport.count;
import static com.clinicsuite.outbox.OutboxTestSupport.execute;
import static com.clinicsuite.outbox.OutboxTestSupport.insertUnsentRows;
import static com.clinicsuite.outbox.OutboxTestSupport.note;
import static com.clinicsuite.outbox.OutboxTestSupport.seqOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.clinicsuite.outbox.OutboxTestSupport.Unsent;
import com.clinicsuite.outbox.testapp.NoteService;
import com.clinicsuite.outbox.testapp.NoteWritten;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The relay's lanes, its parking of rows the broker refuses, and the size bound of published events. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class RelayLanesAndParkingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** outbox.relay.batch-size in the tests. */
    private static final int BATCH = 5;

    @Inject
    OutboxRelay relay;

    @Inject
    RelayPaused paused;

    @Inject
    NoteService notes;

    @Inject
    MeterRegistry registry;

    @Test
    void aBusinessEventGoesOutInTheFirstRoundWhateverTheAuditBacklog() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8);
        paused.hold();
        try {
            drain();
            List<Unsent> rows = new ArrayList<>();
            for (int seq = 0; seq < 12; seq++) {
                rows.add(new Unsent("audit-" + seq + "-" + run, seq, "searched", "audit", "test.audit"));
            }
            rows.add(new Unsent("business-" + run, 0)); // committed last, behind a backlog of audit rows
            List<Long> ids = insertUnsentRows(rows);
            long business = ids.get(ids.size() - 1);

            OutboxRelay.Round first = relayOnce();
            assertThat(first.read()).isEqualTo(BATCH);
            assertThat(first.acked()).isEqualTo(BATCH);
            assertThat(count("select count(*) from outbox_event where id = " + business + " and sent_at is not null"))
                    .isEqualTo(1);
            // the rest of the round went to the oldest audit rows
            assertThat(count("select count(*) from outbox_event where aggregate_key like 'audit-%-" + run
                            + "' and sent_at is not null"))
                    .isEqualTo(BATCH - 1);
            assertThat(count("select count(*) from outbox_event where aggregate_key in ('audit-0-" + run
                            + "', 'audit-3-" + run + "') and sent_at is not null"))
                    .isEqualTo(2);

            drain();
            assertThat(count("select count(*) from outbox_event where aggregate_key like 'audit-%-" + run
                            + "' and sent_at is null"))
                    .isZero();
        } finally {
            paused.release();
        }
        try (TopicReader audit = new TopicReader("test.audit")) {
            assertThat(audit.await(12, r -> r.key().endsWith("-" + run), WAIT)).hasSize(12);
        }
    }

    @Test
    void aRowTheBrokerRefusesIsParkedHoldsOnlyItsOwnKeyAndGoesOutInOrderOnceFixedAndRequeued() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String held = "parked-" + run;
        String free = "free-" + run;
        // larger than the producer's max.request.size (1 MiB): the producer refuses it, every time
        Unsent tooLarge = new Unsent(held, 0, "x".repeat(1_200_000), "business", "test.notes");
        List<Long> ids =
                insertUnsentRows(List.of(tooLarge, new Unsent(held, 1), new Unsent(held, 2), new Unsent(free, 0)));
        long parkedId = ids.get(0);

        await().atMost(WAIT)
                .until(() -> count("select count(*) from outbox_event where id = " + parkedId
                                + " and parked_at is not null and attempts = 3")
                        == 1);
        // other keys flow; the later rows of its key wait behind it, unsent and not parked themselves
        await().atMost(WAIT)
                .until(() -> count("select count(*) from outbox_event where aggregate_key = '" + free
                                + "' and sent_at is not null")
                        == 1);
        assertThat(count("select count(*) from outbox_event where aggregate_key = '" + held
                        + "' and sent_at is null and parked_at is null"))
                .isEqualTo(2);
        await().atMost(WAIT).until(() -> gauge("outbox.parked") >= 1);

        // a parked row takes no room in the batch window: a backlog of two batches behind it goes out
        String after = "after-" + run;
        insertUnsentRows(after, 2 * BATCH);
        await().atMost(WAIT)
                .until(() -> count("select count(*) from outbox_event where aggregate_key = '" + after
                                + "' and sent_at is not null")
                        == 2 * BATCH);

        JsonPath listed = given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("topic", "test.notes")
                .when()
                .get("/ops/outbox/parked")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String entry = "find { it.id == " + parkedId + " }";
        assertThat(listed.getString(entry + ".last_error")).contains("RecordTooLargeException");
        assertThat(listed.getInt(entry + ".attempts")).isEqualTo(3);
        assertThat(listed.getString(entry + ".aggregate_key")).isEqualTo(held);

        // the operator fixes the cause (here: the payload) and re-queues the row
        execute("update outbox_event set payload = '" + note(held, 0, "fixed") + "' where id = " + parkedId);
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .post("/ops/outbox/parked/" + parkedId + "/requeue")
                .then()
                .statusCode(200)
                .body("event_id", org.hamcrest.Matchers.notNullValue());
        await().atMost(WAIT)
                .until(() -> count("select count(*) from outbox_event where aggregate_key = '" + held
                                + "' and sent_at is not null")
                        == 3);
        try (TopicReader reader = new TopicReader("test.notes")) {
            // nothing of the key reached the broker ahead of the refused row
            assertThat(reader.await(3, r -> held.equals(r.key()), WAIT))
                    .extracting(r -> seqOf(r.value()))
                    .containsExactly(0, 1, 2);
        }
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .post("/ops/outbox/parked/" + parkedId + "/requeue")
                .then()
                .statusCode(404)
                .body("detail", containsString(Long.toString(parkedId)));
        await().atMost(WAIT).until(() -> gauge("outbox.parked") == 0);
    }

    @Test
    void requeueingAllParkedRowsOfATopicPutsThemBackInLine() throws Throwable {
        String key = "requeue-all-" + UUID.randomUUID();
        // parked from the start (the relay would otherwise send it before a second statement parks it)
        execute("insert into outbox_event (event_id, event_type, topic, aggregate_key, payload, created_at, attempts,"
                + " lane, parked_at, last_error) values (gen_random_uuid()::text, 'test.note-written.v1', 'test.notes', '"
                + key + "', '" + note(key, 0, "parked") + "', now(), 3, 'business', now(), 'refused')");
        long id = (long) count("select id from outbox_event where aggregate_key = '" + key + "'");
        List<Long> ids = List.of(id);
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("topic", "test.notes")
                .when()
                .post("/ops/outbox/parked/requeue")
                .then()
                .statusCode(200)
                .body("requeued", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        await().atMost(WAIT)
                .until(() -> count("select count(*) from outbox_event where id = " + ids.get(0)
                                + " and sent_at is not null and attempts = 0")
                        == 1);
    }

    @Test
    void anEventLargerThanTheLimitIsRefusedAndItsTransactionWritesNothing() throws Exception {
        String key = "too-large-" + UUID.randomUUID();
        String body = "y".repeat(70_000); // outbox.max-payload-size is 64K in the tests
        Throwable refused =
                catchThrowable(() -> VertxContextSupport.subscribeAndAwait(() -> notes.publishOnly(key, 0, body)));
        assertThat(refused)
                .isInstanceOf(EventTooLargeException.class)
                .hasMessageContaining("outbox.max-payload-size")
                .hasMessageContaining("smaller chunks");
        Throwable refusedInABatch = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(
                () -> notes.writeAll(List.of(new NoteWritten(key, 1, "small"), new NoteWritten(key, 2, body)))));
        assertThat(refusedInABatch).isInstanceOf(EventTooLargeException.class);
        // a multi-byte text counts in bytes: 30,000 characters of 3 bytes each are over the limit too
        Throwable refusedInBytes = catchThrowable(
                () -> VertxContextSupport.subscribeAndAwait(() -> notes.publishOnly(key, 3, "€".repeat(30_000))));
        assertThat(refusedInBytes).isInstanceOf(EventTooLargeException.class);
        assertThat(Outbox.utf8Length("a€😀")).isEqualTo(1 + 3 + 4);
        assertThat(count("select count(*) from outbox_event where aggregate_key = '" + key + "'"))
                .isZero();
    }

    /** Runs relay rounds by hand until one reads nothing (a round of the timer under way may hold the lock). */
    private void drain() throws Throwable {
        await().atMost(WAIT).until(() -> relayOnce().read() == 0);
    }

    private OutboxRelay.Round relayOnce() throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> relay.relayOnce());
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private double gauge(String name) {
        Gauge gauge = registry.find(name).gauge();
        return gauge == null ? -1 : gauge.value();
    }
}
