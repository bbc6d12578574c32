package com.clinicsuite.outbox;

import com.clinicsuite.events.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes events to the outbox table in the caller's reactive transaction, so an event exists exactly when the
 * change that caused it was committed. {@link OutboxRelay} sends them to Kafka after commit.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final OutboxRelay relay;

    public Outbox(ObjectMapper mapper, OutboxRelay relay) {
        this.mapper = mapper;
        this.relay = relay;
    }

    /**
     * Adds an event to the current transaction. Must be called inside {@code @WithTransaction} or
     * {@code Panache.withTransaction}: an event without the transaction of its change would be a lie.
     *
     * @param key the aggregate id the topic is keyed by (pharmacy id, client code ...)
     * @return the stored event, with its CloudEvents id
     */
    public <T> Uni<OutboxEvent> publish(EventType<T> type, String key, T data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID().toString();
        event.eventType = type.type();
        event.topic = type.topic();
        event.aggregateKey = key;
        event.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            event.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event " + type.type() + " is not serialisable", e));
        }
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.publish must run inside a transaction (event " + type.type() + ")"))
                .chain(tx -> event.persist())
                // inserted at once (identity id); nobody changes an event after publishing it, so it need not stay
                // in the session: a transaction that writes many large events (an import's row chunks) then holds
                // one payload at a time, not all of them until commit
                .call(() -> Panache.getSession().invoke(session -> session.detach(event)))
                .invoke(relay::eventsPublished)
                .replaceWith(event);
    }
}
