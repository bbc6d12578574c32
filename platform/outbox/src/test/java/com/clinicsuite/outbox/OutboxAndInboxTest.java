package com.clinicsuite.outbox;

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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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
        assertThat(deleted).isGreaterThanOrEqualTo(12 + 7);
        assertThat(count("select count(*) from outbox_event where aggregate_key = '" + key + "'"))
                .isEqualTo(2);
        assertThat(count("select count(*) from outbox_event where aggregate_key = '" + key
                        + "' and (payload like '%\"seq\":13,%' or payload like '%\"seq\":14,%')"))
                .isEqualTo(2);
        assertThat(count("select count(*) from inbox_event where consumer = '" + key + "'"))
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
    void transientFailuresAreRetriedAndApplyOnce() throws Exception {
        String key = "flaky-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(cloudEvent(
                            UUID.randomUUID().toString(),
                            key,
                            "{\"note_key\":\"" + key + "\",\"seq\":0,\"body\":\"flaky-2\"}"))
                    .get();
        }
        await().atMost(WAIT).until(() -> count("select count(*) from note_seen where note_key = '" + key + "'") == 1);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndDoNotBlockThePartition() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        try (TopicReader dlq = new TopicReader("test.notes.dlq");
                KafkaProducer<String, String> producer = producer()) {
            producer.send(cloudEvent(UUID.randomUUID().toString(), key, "{not json"))
                    .get();
            producer.send(cloudEvent(
                            UUID.randomUUID().toString(),
                            key,
                            "{\"note_key\":\"" + key + "\",\"seq\":0,\"body\":\"always-fails\"}"))
                    .get();
            producer.send(cloudEvent(
                            UUID.randomUUID().toString(),
                            key,
                            "{\"note_key\":\"" + key + "\",\"seq\":1,\"body\":\"fine\"}"))
                    .get();
            assertThat(dlq.await(2, r -> key.equals(r.key()), WAIT))
                    .extracting(TopicReader.Record::value)
                    .containsExactly("{not json", "{\"note_key\":\"" + key + "\",\"seq\":0,\"body\":\"always-fails\"}");
        }
        await().atMost(WAIT)
                .until(() ->
                        count("select count(*) from note_seen where note_key = '" + key + "' and body = 'fine'") == 1);
    }

    /** Committed, unsent outbox rows, as a process leaves them that died before relaying (one transaction). */
    private static void insertUnsentRows(String key, int count) throws SQLException {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement insert = c.prepareStatement("insert into outbox_event (event_id, event_type, topic,"
                        + " aggregate_key, payload, created_at, attempts) values (?, 'test.note-written.v1', 'test.notes',"
                        + " ?, ?, now(), 0)")) {
            c.setAutoCommit(false);
            for (int seq = 0; seq < count; seq++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, key);
                insert.setString(3, "{\"note_key\":\"" + key + "\",\"seq\":" + seq + ",\"body\":\"unsent\"}");
                insert.executeUpdate();
            }
            c.commit();
        }
    }

    private void write(String key, int seq, String body, boolean fail) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> notes.write(key, seq, body, fail));
    }

    private static int seqOf(String json) {
        String s = json.substring(json.indexOf("\"seq\":") + 6);
        return Integer.parseInt(s.substring(0, s.indexOf(',')));
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = KafkaBroker.get().clientProperties();
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static ProducerRecord<String, String> cloudEvent(String id, String key, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>("test.notes", key, json);
        List<String[]> headers = new ArrayList<>(List.of(
                new String[] {"ce_specversion", "1.0"},
                new String[] {"ce_id", id},
                new String[] {"ce_type", "test.note-written.v1"},
                new String[] {"ce_source", "urn:test"},
                new String[] {"content-type", "application/json"}));
        headers.forEach(h -> record.headers().add(h[0], h[1].getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
