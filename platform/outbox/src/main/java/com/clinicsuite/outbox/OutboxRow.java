package com.clinicsuite.outbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/** An unsent outbox row as a relay round reads it (a projection: no managed entity per row). */
// Hibernate builds the projection through its constructor by reflection: registered for the native image
@RegisterForReflection
public record OutboxRow(
        Long id,
        String eventId,
        String eventType,
        String topic,
        String aggregateKey,
        String payload,
        OffsetDateTime createdAt,
        String lane,
        String traceparent) {

    /** What order is kept by: the events of one aggregate on one topic. */
    String orderKey() {
        return topic + '\u0000' + aggregateKey;
    }
}
