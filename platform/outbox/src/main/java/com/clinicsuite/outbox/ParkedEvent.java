package com.clinicsuite.outbox;

import java.time.OffsetDateTime;

/** A parked outbox row as an operator sees it (no payload). */
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
