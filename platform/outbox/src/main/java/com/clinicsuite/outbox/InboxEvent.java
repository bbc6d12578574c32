package com.clinicsuite.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** Records that a consumer processed an event id, in the same transaction as the processing. */
@Entity
@Table(name = "inbox_event")
public class InboxEvent extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "processed_at", nullable = false)
    public OffsetDateTime processedAt;

    @Embeddable
    public record Key(
            @Column(name = "consumer", nullable = false, length = 100)
            String consumer,

            @Column(name = "event_id", nullable = false, length = 100)
            String eventId)
            implements Serializable {}
}
