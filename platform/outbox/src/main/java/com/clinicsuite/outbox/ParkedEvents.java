package com.clinicsuite.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Outbox rows the relay parked after {@code outbox.relay.max-attempts} failed sends: listed and re-queued by an
 * operator through {@code /ops/outbox/parked} once the cause is fixed (a topic created, a limit raised). A re-queued
 * row is sent in order with the rows of its key that waited behind it.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final String SELECT = "select new com.clinicsuite.outbox.ParkedEvent(e.id, e.eventId, e.eventType,"
            + " e.topic, e.aggregateKey, e.lane, e.attempts, e.lastError, e.createdAt, e.parkedAt) from OutboxEvent e ";
    private static final String PARKED = "e.sentAt is null and e.parkedAt is not null";

    private final OutboxRelay relay;

    public ParkedEvents(OutboxRelay relay) {
        this.relay = relay;
    }

    /** Parked rows, oldest first; {@code topic} null for all. */
    public Uni<List<ParkedEvent>> list(String topic, int skip, int limit) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
            var query = session.createQuery(
                    SELECT + "where " + PARKED + (topic == null ? "" : " and e.topic = :topic") + " order by e.id",
                    ParkedEvent.class);
            if (topic != null) {
                query.setParameter("topic", topic);
            }
            return query.setFirstResult(skip).setMaxResults(limit).getResultList();
        }));
    }

    public Uni<Long> count(String topic) {
        return Panache.withSession(() -> topic == null
                ? OutboxEvent.count("sentAt is null and parkedAt is not null")
                : OutboxEvent.count("sentAt is null and parkedAt is not null and topic = ?1", topic));
    }

    /** Sends one parked row again; null item when no parked row has this id. */
    public Uni<ParkedEvent> requeue(long id) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createQuery(
                                        SELECT + "where e.id = :id and " + PARKED, ParkedEvent.class)
                                .setParameter("id", id)
                                .getSingleResultOrNull())
                        .call(parked -> parked == null
                                ? Uni.createFrom().voidItem()
                                : OutboxEvent.update("parkedAt = null, attempts = 0 where id = ?1", id)))
                .invoke(parked -> {
                    if (parked != null) {
                        relay.parkedChanged();
                    }
                });
    }

    /** Sends every parked row (of {@code topic}, or all) again; item: how many. */
    public Uni<Integer> requeueAll(String topic) {
        return Panache.withTransaction(() -> topic == null
                        ? OutboxEvent.update(
                                "parkedAt = null, attempts = 0 where sentAt is null and parkedAt is not null")
                        : OutboxEvent.update(
                                "parkedAt = null, attempts = 0 where sentAt is null and parkedAt is not null"
                                        + " and topic = ?1",
                                topic))
                .invoke(() -> relay.parkedChanged());
    }
}
