package com.clinicsuite.testkit;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.EventType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes an event to the test broker exactly as another service's outbox relay would (CloudEvents binary
 * mode, keyed by aggregate id, {@code ce_dataschema} of catalogued types under the schema base URL), so a
 * service's consumers are tested without starting the producing service.
 */
public final class EventPublisher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<String, String> producer;
    private final URI schemaBaseUrl;

    /** Sets the {@code ce_dataschema} the relay sets when {@code events.schema-base-url} is not configured. */
    public EventPublisher() {
        this(EventType.LOCAL_SCHEMA_BASE_URL);
    }

    /** Sets {@code ce_dataschema} under {@code schemaBaseUrl}, as a relay configured with it would. */
    public EventPublisher(URI schemaBaseUrl) {
        this.schemaBaseUrl = schemaBaseUrl;
        Properties p = KafkaBroker.get().clientProperties();
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        producer = new KafkaProducer<>(p);
    }

    /** Sends and waits for the broker's ack; returns the CloudEvents id used. */
    public <T> String send(EventType<T> type, String key, T data) {
        return send(type, key, data, UUID.randomUUID().toString());
    }

    /** Sends with a given event id: sending the same id twice simulates a redelivery. */
    public <T> String send(EventType<T> type, String key, T data, String eventId) {
        try {
            sendRaw(type.topic(), type.type(), key, JSON.writeValueAsString(data), eventId);
            return eventId;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Sends any payload (also unreadable ones, to test dead-lettering); {@code ce_dataschema} is set when
     * {@code ceType} is in the catalogue, as the relay does.
     */
    public void sendRaw(String topic, String ceType, String key, String payload, String eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", ceType);
        header(record, "ce_source", "urn:clinicsuite:test");
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        EventCatalog.byType(ceType)
                .ifPresent(type -> header(
                        record, "ce_dataschema", type.dataSchema(schemaBaseUrl).toString()));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
