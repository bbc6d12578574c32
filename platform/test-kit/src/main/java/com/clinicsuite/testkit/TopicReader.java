package com.clinicsuite.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what really reached a topic on the test broker, with the CloudEvents headers, for assertions. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<Record> seen = new ArrayList<>();

    /** A record as a consumer outside the suite sees it. */
    public record Record(
            String topic,
            int partition,
            long offset,
            String key,
            String value,
            String ceId,
            String ceType,
            String ceSource,
            String ceDataSchema,
            Map<String, String> headers) {

        /** A header's value (the last one of that name), or null. */
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** Subscribes from the beginning of {@code topic}. */
    public TopicReader(String topic) {
        Properties p = KafkaBroker.get().clientProperties();
        p.put("group.id", "test-reader-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code count} records matching {@code filter} arrived or the timeout passed. */
    public List<Record> await(int count, Predicate<Record> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(filter).size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                seen.add(new Record(
                        r.topic(),
                        r.partition(),
                        r.offset(),
                        r.key(),
                        r.value(),
                        header(r, "ce_id"),
                        header(r, "ce_type"),
                        header(r, "ce_source"),
                        header(r, "ce_dataschema"),
                        headers(r)));
            }
        }
        return matching(filter);
    }

    public List<Record> await(int count, Duration timeout) {
        return await(count, r -> true, timeout);
    }

    private List<Record> matching(Predicate<Record> filter) {
        return seen.stream().filter(filter).toList();
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
