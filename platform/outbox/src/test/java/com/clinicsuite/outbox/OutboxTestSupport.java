package com.clinicsuite.outbox;

import com.clinicsuite.testkit.KafkaBroker;
import com.clinicsuite.testkit.SuiteInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the outbox tests share: database assertions, unsent rows as a crashed process leaves them, raw records. */
final class OutboxTestSupport {

    private OutboxTestSupport() {}

    static long count(String sql) throws SQLException {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(String sql) throws SQLException {
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            c.createStatement().executeUpdate(sql);
        }
    }

    /** One unsent row of test.notes, as {@link #insertUnsentRows} writes them. */
    record Unsent(String key, int seq, String body, String lane, String topic) {
        Unsent(String key, int seq) {
            this(key, seq, "unsent", "business", "test.notes");
        }

        String payload() {
            return "{\"note_key\":\"" + key + "\",\"seq\":" + seq + ",\"body\":\"" + body + "\"}";
        }
    }

    /** Committed, unsent outbox rows in this order (one transaction), as a process leaves them that died. */
    static List<Long> insertUnsentRows(List<Unsent> rows) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement insert = c.prepareStatement(
                        "insert into outbox_event (event_id, event_type, topic, aggregate_key, payload, created_at,"
                                + " attempts, lane) values (gen_random_uuid()::text, 'test.note-written.v1', ?, ?, ?,"
                                + " now(), 0, ?) returning id")) {
            c.setAutoCommit(false);
            for (Unsent row : rows) {
                insert.setString(1, row.topic());
                insert.setString(2, row.key());
                insert.setString(3, row.payload());
                insert.setString(4, row.lane());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
            c.commit();
        }
        return ids;
    }

    static void insertUnsentRows(String key, int count) throws SQLException {
        List<Unsent> rows = new ArrayList<>();
        for (int seq = 0; seq < count; seq++) {
            rows.add(new Unsent(key, seq));
        }
        insertUnsentRows(rows);
    }

    static KafkaProducer<String, String> producer() {
        Properties p = KafkaBroker.get().clientProperties();
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** A record of test.notes as another service's relay writes it. */
    static ProducerRecord<String, String> cloudEvent(String id, String key, String json) {
        return cloudEvent(id, "test.note-written.v1", key, json);
    }

    /** A record of test.notes of any CloudEvents type. */
    static ProducerRecord<String, String> cloudEvent(String id, String type, String key, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>("test.notes", key, json);
        List<String[]> headers = new ArrayList<>(List.of(
                new String[] {"ce_specversion", "1.0"},
                new String[] {"ce_id", id},
                new String[] {"ce_type", type},
                new String[] {"ce_source", "urn:test"},
                new String[] {"content-type", "application/json"}));
        headers.forEach(h -> record.headers().add(h[0], h[1].getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    static String note(String key, int seq, String body) {
        return "{\"note_key\":\"" + key + "\",\"seq\":" + seq + ",\"body\":\"" + body + "\"}";
    }

    static int seqOf(String json) {
        String s = json.substring(json.indexOf("\"seq\":") + 6);
        return Integer.parseInt(s.substring(0, s.indexOf(',')));
    }
}
