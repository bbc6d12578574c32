package com.clinicsuite.outbox;

import com.clinicsuite.events.EventType;
import com.clinicsuite.outbox.JsonRowsInsert.Column;
import com.clinicsuite.outbox.JsonRowsInsert.Type;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes events to the outbox table in the caller's reactive transaction, so an event exists exactly when the
 * change that caused it was committed. {@link OutboxRelay} sends them to Kafka after commit, in the event type's
 * {@link com.clinicsuite.events.Lane lane}. An event larger than {@code outbox.max-payload-size} is refused here
 * ({@link EventTooLargeException}), not by the broker after commit where nothing could be done about it.
 */
@ApplicationScoped
public class Outbox {

    private static final List<Column<OutboxEvent>> COLUMNS = List.of(
            new Column<>("event_id", Type.TEXT, e -> e.eventId),
            new Column<>("event_type", Type.TEXT, e -> e.eventType),
            new Column<>("topic", Type.TEXT, e -> e.topic),
            new Column<>("aggregate_key", Type.TEXT, e -> e.aggregateKey),
            new Column<>("payload", Type.TEXT, e -> e.payload),
            new Column<>("lane", Type.TEXT, e -> e.lane),
            new Column<>("created_at", Type.TIMESTAMPTZ, e -> e.createdAt),
            new Column<>("traceparent", Type.TEXT, e -> e.traceparent));

    private final ObjectMapper mapper;
    private final OutboxRelay relay;
    private final JsonRowsInsert<OutboxEvent> insertAll;
    private final long maxPayloadBytes;

    public Outbox(ObjectMapper mapper, OutboxRelay relay, OutboxConfig config, SqlDialect dialect) {
        this.mapper = mapper;
        this.relay = relay;
        this.maxPayloadBytes = config.maxPayloadSize().asLongValue();
        this.insertAll = JsonRowsInsert.into("outbox_event", COLUMNS, dialect);
    }

    /**
     * Adds an event to the current transaction. Must be called inside {@code @WithTransaction} or
     * {@code Panache.withTransaction}: an event without the transaction of its change would be a lie.
     *
     * @param key the aggregate id the topic is keyed by (pharmacy id, client code ...)
     * @return the stored event, with its CloudEvents id; fails with {@link EventTooLargeException} when the payload
     *     is larger than {@code outbox.max-payload-size}, with IllegalArgumentException when it is not serialisable
     */
    public <T> Uni<OutboxEvent> publish(EventType<T> type, String key, T data) {
        OutboxEvent event;
        try {
            event = event(type, key, data);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return inTransaction(type)
                .chain(tx -> event.persist())
                // inserted at once (identity id); nobody changes an event after publishing it, so it need not stay
                // in the session: a transaction that writes many large events (an import's row chunks) then holds
                // one payload at a time, not all of them until commit
                .call(() -> Panache.getSession().invoke(session -> session.detach(event)))
                .invoke(relay::eventsPublished)
                .replaceWith(event);
    }

    /**
     * Adds many events of one type to the current transaction with one INSERT (see {@link JsonRowsInsert}): for
     * callers that publish hundreds at a time, where {@link #publish} would cost a statement each. Same rules as
     * {@link #publish}; the events are not returned.
     *
     * @param key the aggregate id of each event
     * @return how many events were added
     */
    public <T> Uni<Integer> publishAll(EventType<T> type, List<T> events, Function<T, String> key) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String json;
        try {
            json = insertAll.json(events.stream()
                    .map(data -> event(type, key.apply(data), data))
                    .toList());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return inTransaction(type)
                .chain(tx -> Panache.getSession())
                .chain(session -> session.createNativeQuery(insertAll.sql())
                        .setParameter(1, json)
                        .executeUpdate())
                .invoke(relay::eventsPublished);
    }

    /** A new event row; IllegalArgumentException when {@code data} cannot be written as JSON or is too large. */
    private <T> OutboxEvent event(EventType<T> type, String key, T data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID().toString();
        event.eventType = type.type();
        event.topic = type.topic();
        event.lane = type.lane().column();
        event.aggregateKey = key;
        event.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        event.traceparent = TraceContext.currentTraceparent();
        try {
            event.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + type.type() + " is not serialisable", e);
        }
        long bytes = utf8Length(event.payload);
        if (bytes > maxPayloadBytes) {
            throw new EventTooLargeException(type.type(), bytes, maxPayloadBytes);
        }
        return event;
    }

    /** The UTF-8 size of a text without encoding it (a payload can be hundreds of kB). */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static Uni<?> inTransaction(EventType<?> type) {
        return Panache.currentTransaction()
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException(
                        "Outbox.publish must run inside a transaction (event " + type.type() + ")"));
    }
}
