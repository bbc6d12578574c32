package com.clinicsuite.auth.rest.dto;

import com.clinicsuite.auth.repository.AuditEntry;
import java.time.OffsetDateTime;

public record AuditEntryView(
        long id,
        Long actorUserId,
        String actorUsername,
        String action,
        String targetType,
        String targetId,
        String details,
        OffsetDateTime occurredAt) {

    public static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(
                e.id, e.actorUserId, e.actorUsername, e.action, e.targetType, e.targetId, e.details, e.occurredAt);
    }
}
