package com.clinicsuite.outbox;

import static com.clinicsuite.outbox.OutboxTestSupport.cloudEvent;
import static com.clinicsuite.outbox.OutboxTestSupport.count;
import static com.clinicsuite.outbox.OutboxTestSupport.insertUnsentRows;
import static com.clinicsuite.outbox.OutboxTestSupport.note;
import static com.clinicsuite.outbox.OutboxTestSupport.producer;
import static com.clinicsuite.outbox.OutboxTestSupport.seqOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.outbox.testapp.NoteService;
import com.clinicsuite.outbox.testapp.NoteWritten;
import com.clinicsuite.testkit.KafkaBroker;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** The outbox and inbox against a real PostgreSQL and a real Kafka broker. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class OutboxAndInboxTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    NoteService notes;

    @Inject
    Outbox outbox;

    @Inject
    OutboxCleanup cleanup;

    @Inject
    MeterRegistry registry;

    @Test
    void committedEventsReachKafkaInOrderPerKeyWithCloudEventsHeaders() throws Throwable {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (TopicReader reader = new TopicReader("test.notes")) {
            for (int seq = 0; seq < 10; seq++) {
                for (String key : List.of("a-" + run, "b-" + run, "c-" + run)) {
                    write(key, seq, "note " + seq, false);
                }
            }
            List<TopicReader.Record> records = reader.await(30, r -> r.key().endsWith(run), WAIT);
            assertThat(records).hasSize(30);
            Map<String, List<Integer>> seqByKey = records.stream()
                    .collect(Collectors.groupingBy(
                            TopicReader.Record::key, Collectors.mapping(r -> seqOf(r.value()), Collectors.toList())));
            assertThat(seqByKey).hasSize(3);
            seqByKey.values().forEach(seqs -> assertThat(seqs).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
            TopicReader.Record first = records.get(0);
            assertThat(first.ceType()).isEqualTo("test.note-written.v1");
            assertThat(first.ceSource()).isEqualTo("urn:clinicsuite:outbox-test");
            assertThat(first.ceId()).hasSize(36);
        }
        await().atMost(WAIT)
                .until(() -> count("select count(*) from outbox_event where sent_at is null"
                                + " and aggregate_key like '%" + run + "'")
                        == 0);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() throws Throwable {
        String key = "rollback-" + UUID.randomUUID();
        try {
            write(key, 0, "never", true);
        } catch (IllegalStateException expected) {
            // the business change failed after the event was added
        }
        assertThat(count("select count(*) from outbox_event where aggregate_key = '" + key + "'"))
                .isZero();
        write(key, 1, "committed", false);
        try (TopicReader reader = new TopicReader("test.notes")) {
            List<TopicReader.Record> records = reader.await(1, r -> key.equals(r.key()), WAIT);
            Thread.sleep(500);
            assertThat(reader.await(2, r -> key.equals(r.key()), Duration.ofSeconds(1)))
                    .extracting(r -> seqOf(r.value()))
                    .containsExactly(1);
            assertThat(records).hasSize(1);
        }
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownAreDeliveredWhenItReturns() throws Throwable {
        String key = "outage-" + UUID.randomUUID();
        KafkaBroker broker = KafkaBroker.get();
        broker.stop();
        try {
            for (int seq = 0; seq < 10; seq++) {
                write(key, seq, "during outage", false);
            }
            Thread.sleep(3000);
            assertThat(count("select count(*) from outbox_event where aggregate_key = '" + key + "'"))
                    .isEqualTo(10);
            assertThat(count("select count(*) from outbox_event where sent_at is not null and aggregate_key = '" + key
                            + "'"))
                    .isZero();
        } finally {
            broker.start();
        }
        try (TopicReader reader = new TopicReader("test.notes")) {
            List<TopicReader.Record> records = reader.await(10, r -> key.equals(r.key()), Duration.ofSeconds(90));
            assertThat(records.stream().map(r -> seqOf(r.value())).distinct().toList())
                    .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
        await().atMost(WAIT)
                .until(() -> count("select count(*) from outbox_event where sent_at is null" + " and aggregate_key = '"
                                + key + "'")
                        == 0);
        // and the consumer applied each of them exactly once
        await().atMost(WAIT).until(() -> count("select count(*) from note_seen where note_key = '" + key + "'") == 10);
    }

    @Test
    void rowsCommittedByAProcessThatDiedBeforeRelayingAreDelivered() throws Throwable {
        // What a service killed between commit and relay leaves behind: committed, unsent outbox rows.
        // The relay keeps no state outside the table, so the next process (this one) must deliver them.
        String key = "orphan-" + UUID.randomUUID();
        insertUnsentRows(key, 3);
        try (TopicReader reader = new TopicReader("test.notes")) {
            assertThat(reader.await(3, r -> key.equals(r.key()), WAIT))
                    .extracting(r -> seqOf(r.value()))
                    .containsExactly(0, 1, 2);
        }
    }

    @Test
    void aBacklogOfManyBatchesIsRelayedWithoutWaitingATickPerBatch() throws Throwable {
        // 40 rows at 5 per batch (test config): one batch per tick (ticks are a second apart) would take 8 s
        // Counted in relay runs, not seconds: a busy machine slows a run, it does not add runs.
        String key = "backlog-" + UUID.randomUUID();
        double runsBefore = registry.counter("outbox.relay.runs").count();
        insertUnsentRows(key, 40);
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> count("select count(*) from outbox_event where sent_at is null and aggregate_key = '" + key
                                + "'")
                        == 0);
        // a run is counted once it ends, just after its last batch committed
        await().atMost(WAIT).until(() -> registry.counter("outbox.relay.runs").count() > runsBefore);
        Thread.sleep(500);
        // one run, or two when a run was already under way as the 40 rows were committed (one batch a run: eight)
        assertThat(registry.counter("outbox.relay.runs").count() - runsBefore).isBetween(1.0, 2.0);
        try (TopicReader reader = new TopicReader("test.notes")) {
            assertThat(reader.await(40, r -> key.equals(r.key()), WAIT))
                    .extracting(r -> seqOf(r.value()))
                    .containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
        }
    }

    @Test
    void manyEventsPublishedWithOneInsertAreRelayedInOrderWithTheirTexts() throws Throwable {
        String key = "all-" + UUID.randomUUID();
        String other = "all2-" + UUID.randomUUID();
        List<NoteWritten> written = new ArrayList<>();
        for (int seq = 0; seq < 30; seq++) {
            written.add(new NoteWritten(seq % 3 == 2 ? other : key, seq, "quote \" backslash \\ Ωmega " + seq));
        }
        try (TopicReader reader = new TopicReader("test.notes")) {
            assertThat(VertxContextSupport.<Integer>subscribeAndAwait(() -> notes.writeAll(written)))
                    .isEqualTo(30);
            List<TopicReader.Record> records =
                    reader.await(30, r -> key.equals(r.key()) || other.equals(r.key()), WAIT);
            assertThat(records.stream().filter(r -> key.equals(r.key())).map(r -> seqOf(r.value())))
                    .containsExactlyElementsOf(IntStream.range(0, 30)
                            .filter(i -> i % 3 != 2)
                            .boxed()
                            .toList());
            assertThat(records.stream().filter(r -> other.equals(r.key())).map(r -> seqOf(r.value())))
                    .containsExactlyElementsOf(IntStream.range(0, 30)
                            .filter(i -> i % 3 == 2)
                            .boxed()
                            .toList());
            assertThat(records)
                    .extracting(TopicReader.Record::value)
                    .contains(
                            "{\"note_key\":\"" + key + "\",\"seq\":0,\"body\":\"quote \\\" backslash \\\\ Ωmega 0\"}");
            assertThat(records).extracting(TopicReader.Record::ceId).doesNotHaveDuplicates();
            assertThat(records.get(0).ceType()).isEqualTo("test.note-written.v1");
        }
        // publishing outside a transaction is refused, as for publish (here: not even a session)
        assertThat(catchThrowable(() -> VertxContextSupport.subscribeAndAwait(
                        () -> outbox.publishAll(NoteWritten.TYPE, written, NoteWritten::noteKey))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cleanupDeletesRelayedOutboxRowsAndOldInboxRowsPastTheirRetentionOnly() throws Throwable {
        String key = "cleanup-" + UUID.randomUUID();
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            // audit rows go after an hour: relayed 2 hours ago (gone), 30 minutes ago (kept), never (kept)
            c.createStatement()
                    .executeUpdate("insert into outbox_event (event_id, event_type, topic, aggregate_key, payload,"
                            + " created_at, sent_at, attempts, lane) select gen_random_uuid()::text,"
                            + " 'test.note-searched.v1', 'test.audit', '" + key + "-audit', '{\"seq\":' || i || '}',"
                            + " now() - interval '3 hours', case when i <= 6 then now() - interval '2 hours' when i = 7"
                            + " then now() - interval '30 minutes' end, 0, 'audit' from generate_series(1, 8) as i");
            // seq 1-12 relayed 8 days ago, 13 never relayed (the relay will send it now), 14 relayed 6 days ago
            c.createStatement()
                    .executeUpdate("insert into outbox_event (event_id, event_type, topic, aggregate_key, "
                            + "payload, created_at, sent_at, attempts) select gen_random_uuid()::text, 'test.note-written.v1',"
                            + " 'test.notes', '" + key + "', '{\"note_key\":\"" + key
                            + "\",\"seq\":' || i || ',\"body\":\"x\"}',"
                            + " now() - interval '30 days', case when i = 13 then null when i <= 12 then now() - interval"
                            + " '8 days' else now() - interval '6 days' end, 0 from generate_series(1, 14) as i");
            c.createStatement()
                    .executeUpdate("insert into inbox_event (consumer, event_id, processed_at) "
                            + "select '" + key + "', 'e' || i, now() - (case when i <= 7 then interval '15 days' else "
                            + "interval '13 days' end) from generate_series(1, 9) as i");
        }
        // batches of 5 (test config): the 12 old relayed rows take three
        long deleted = VertxContextSupport.subscribeAndAwait(() -> cleanup.cleanUp());
        assertThat(deleted).isGreaterThanOrEqualTo(12 + 6 + 7);
        assertThat(count("select count(*) from outbox_event where aggregate_key = '" + key + "'"))
                .isEqualTo(2);
        assertThat(count("select count(*) from outbox_event where aggregate_key = '" + key
                        + "' and (payload like '%\"seq\":13,%' or payload like '%\"seq\":14,%')"))
                .isEqualTo(2);
        assertThat(count("select count(*) from inbox_event where consumer = '" + key + "'"))
                .isEqualTo(2);
        assertThat(count("select count(*) from outbox_event where aggregate_key = '" + key + "-audit'"))
                .isEqualTo(2);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String key = "dup-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 3; i++) {
                producer.send(cloudEvent(eventId, key, "{\"note_key\":\"" + key + "\",\"seq\":0,\"body\":\"dup\"}"))
                        .get();
            }
            // a different event after the duplicates proves the consumer went past them
            producer.send(cloudEvent(
                            UUID.randomUUID().toString(),
                            key,
                            "{\"note_key\":\"" + key + "\",\"seq\":1,\"body\":\"after\"}"))
                    .get();
        }
        await().atMost(WAIT)
                .until(() ->
                        count("select count(*) from note_seen where note_key = '" + key + "' and body = 'after'") == 1);
        assertThat(count("select count(*) from note_seen where event_id = '" + eventId + "'"))
                .isEqualTo(1);
    }

    @Test
    void anEventOfATypeTheConsumerDoesNotConsumeIsSkippedWithoutCallingItsHandler() throws Exception {
        // test.notes carries a second event type; note-consumer registered a handler for test.note-written.v1 only
        String key = "other-type-" + UUID.randomUUID();
        String other = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        double skippedBefore = registry.counter(
                        "inbox.skipped", "consumer", "note-consumer", "type", "test.note-archived.v1")
                .count();
        try (KafkaProducer<String, String> producer = producer()) {
            // readable as a note too: only its type tells it is not one
            producer.send(cloudEvent(other, "test.note-archived.v1", key, note(key, 0, "archived")))
                    .get();
            producer.send(cloudEvent(after, key, note(key, 1, "after the other type")))
                    .get();
        }
        await().atMost(WAIT).until(() -> count("select count(*) from note_seen where event_id = '" + after + "'") == 1);
        assertThat(count("select count(*) from note_seen where event_id = '" + other + "'"))
                .isZero();
        assertThat(com.clinicsuite.outbox.testapp.NoteConsumer.ATTEMPTS.get(other))
                .as("the handler is never called")
                .isNull();
        // acked without a transaction: neither processed nor dead-lettered, counted as skipped
        assertThat(count("select count(*) from inbox_event where consumer = 'note-consumer' and event_id = '" + other
                        + "'"))
                .isZero();
        assertThat(count("select count(*) from inbox_dead_letter where consumer = 'note-consumer' and event_id = '"
                        + other + "'"))
                .isZero();
        assertThat(registry.counter("inbox.skipped", "consumer", "note-consumer", "type", "test.note-archived.v1")
                                .count()
                        - skippedBefore)
                .isEqualTo(1.0);
    }

    private void write(String key, int seq, String body, boolean fail) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> notes.write(key, seq, body, fail));
    }

    @Test
    void failuresTheConsumerCallsTransientAreRetriedAndApplyOnce() throws Exception {
        // "flaky-2" fails twice with the consumer's own NoteNotReadyYet, which its predicate adds to the default
        String key = "flaky-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        double retriesBefore =
                registry.counter("inbox.retries", "consumer", "note-consumer").count();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(cloudEvent(eventId, key, note(key, 0, "flaky-2"))).get();
        }
        await().atMost(WAIT).until(() -> count("select count(*) from note_seen where note_key = '" + key + "'") == 1);
        assertThat(com.clinicsuite.outbox.testapp.NoteConsumer.ATTEMPTS
                        .get(eventId)
                        .get())
                .isEqualTo(3);
        assertThat(registry.counter("inbox.retries", "consumer", "note-consumer")
                                .count()
                        - retriesBefore)
                .isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from inbox_dead_letter where event_id = '" + eventId + "'"))
                .isZero();
    }

    @Test
    void permanentFailuresAreDeadLetteredAtOnceInTheDatabaseAndDoNotHoldThePartition() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        String unreadable = UUID.randomUUID().toString();
        String breaksARule = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(cloudEvent(UUID.randomUUID().toString(), key, note(key, 0, "good before")))
                    .get();
            producer.send(cloudEvent(unreadable, key, "{not json")).get();
            producer.send(cloudEvent(breaksARule, key, note(key, 1, "always-fails")))
                    .get();
            producer.send(cloudEvent(UUID.randomUUID().toString(), key, note(key, 2, "fine")))
                    .get();
        }
        await().atMost(WAIT)
                .until(() ->
                        count("select count(*) from note_seen where note_key = '" + key + "' and body = 'fine'") == 1);
        assertThat(count("select count(*) from note_seen where note_key = '" + key + "'"))
                .isEqualTo(2);
        // both stored once for this consumer, at once: one handler call, one attempt
        await().atMost(WAIT)
                .until(() -> count("select count(*) from inbox_dead_letter where consumer = 'note-consumer'"
                                + " and record_key = '" + key + "'")
                        == 2);
        assertThat(count("select count(*) from inbox_dead_letter where consumer = 'note-consumer' and event_id in ('"
                        + unreadable + "', '" + breaksARule + "') and attempts = 1 and resolved_at is null"
                        + " and topic = 'test.notes' and kafka_offset >= 0 and headers like '%ce_id%'"))
                .isEqualTo(2);
        assertThat(count("select count(*) from inbox_dead_letter where consumer = 'note-consumer' and event_id = '"
                        + unreadable + "' and payload = '{not json' and error like '%PoisonMessageException%'"))
                .isEqualTo(1);
        assertThat(com.clinicsuite.outbox.testapp.NoteConsumer.ATTEMPTS
                        .get(breaksARule)
                        .get())
                .isEqualTo(1);
        // the second consumer of the topic keeps a list of its own: it could not read the same record either
        await().atMost(WAIT)
                .until(() -> count("select count(*) from inbox_dead_letter where consumer = 'note-counter'"
                                + " and event_id = '" + unreadable + "'")
                        == 1);
        assertThat(count("select count(*) from inbox_dead_letter where consumer = 'note-counter'" + " and event_id = '"
                        + breaksARule + "'"))
                .isZero();
        assertThat(registry.counter("inbox.dead_lettered", "consumer", "note-consumer")
                        .count())
                .isGreaterThanOrEqualTo(2);
    }
}
