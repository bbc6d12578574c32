package com.clinicsuite.outbox.ops;

import com.clinicsuite.outbox.DeadLetters;
import com.clinicsuite.outbox.InboxDeadLetter;
import java.time.OffsetDateTime;

/** A dead letter in a list: where it came from, why it failed, what became of it (no payload). */
public record DeadLetterSummary(
        long id,
        String consumer,
        String eventId,
        String eventType,
        String topic,
        int partition,
        long offset,
        String key,
        String error,
        int attempts,
        OffsetDateTime firstFailedAt,
        OffsetDateTime lastFailedAt,
        OffsetDateTime replayedAt,
        OffsetDateTime resolvedAt,
        String status) {

    static DeadLetterSummary of(InboxDeadLetter row) {
        return new DeadLetterSummary(
                row.id,
                row.consumer,
                row.eventId,
                row.eventType,
                row.topic,
                row.partition,
                row.offset,
                row.key,
                row.error,
                row.attempts,
                row.firstFailedAt,
                row.lastFailedAt,
                row.replayedAt,
                row.resolvedAt,
                DeadLetters.status(row).json());
    }
}
