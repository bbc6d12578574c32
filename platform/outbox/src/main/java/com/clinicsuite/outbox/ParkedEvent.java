package com.clinicsuite.outbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/** A parked outbox row as an operator sees it (no payload). */
// a query projection (Hibernate calls its constructor by reflection), answered as JSON inside a Response: registered
// for the native image
@RegisterForReflection
public record ParkedEvent(
        Long id,
        String eventId,
        String eventType,
        String topic,
        String aggregateKey,
        String lane,
        int attempts,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime parkedAt) {}
