package com.clinicsuite.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A message one consumer could not process for a permanent reason, kept in the consuming service's own database
 * with everything needed to replay it (topic, key, headers, payload) and why it failed. One row per consumer and
 * event id: a replayed event that fails again updates its row. Written by {@link Inbox}; listed and replayed by
 * {@link DeadLetters}.
 */
@Entity
@Table(name = "inbox_dead_letter")
public class InboxDeadLetter extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 100)
    public String consumer;

    @Column(name = "event_id", nullable = false, length = 200)
    public String eventId;

    @Column(name = "event_type", length = 200)
    public String eventType;

    @Column(nullable = false, length = 249)
    public String topic;

    @Column(name = "kafka_partition", nullable = false)
    public int partition;

    @Column(name = "kafka_offset", nullable = false)
    public long offset;

    @Column(name = "record_key", length = 1000)
    public String key;

    /** The record's headers as a JSON object of UTF-8 strings (CloudEvents attributes among them). */
    @Column(nullable = false, columnDefinition = "text")
    public String headers;

    @Column(columnDefinition = "text")
    public String payload;

    @Column(nullable = false, length = 2000)
    public String error;

    @Column(name = "first_failed_at", nullable = false)
    public OffsetDateTime firstFailedAt;

    @Column(name = "last_failed_at", nullable = false)
    public OffsetDateTime lastFailedAt;

    /** How many times it was dead-lettered (the first time, then once per replay that failed again). */
    @Column(nullable = false)
    public int attempts;

    /** When it was last sent back to its topic for this consumer. */
    @Column(name = "replayed_at")
    public OffsetDateTime replayedAt;

    /** When the consumer processed it after a replay (or found it processed already). */
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
}
