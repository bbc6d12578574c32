package com.clinicsuite.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An event waiting in (or already relayed from) the outbox. Written only through {@link Outbox}. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** A random UUID, unique by construction (PostgreSQL keeps no unique index on it: see migration V0_2). */
    @Column(name = "event_id", nullable = false, length = 36)
    public String eventId;

    @Column(name = "event_type", nullable = false, length = 120)
    public String eventType;

    @Column(nullable = false, length = 200)
    public String topic;

    @Column(name = "aggregate_key", nullable = false, length = 200)
    public String aggregateKey;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    /** {@link com.clinicsuite.events.Lane#column()} of the event's type: business rows are relayed first. */
    @Column(nullable = false, length = 20)
    public String lane;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", length = 1000)
    public String lastError;

    /**
     * The W3C trace context of the code that published the event ({@code 00-<trace id>-<span id>-<flags>}), sent as
     * the record's {@code traceparent} header; null when nothing was being traced. See {@link TraceContext}.
     */
    @Column(length = 55)
    public String traceparent;

    /** When the relay set the row aside after {@code outbox.relay.max-attempts} failed sends; null otherwise. */
    @Column(name = "parked_at")
    public OffsetDateTime parkedAt;
}
