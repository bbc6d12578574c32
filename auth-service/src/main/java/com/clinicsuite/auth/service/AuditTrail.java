package com.clinicsuite.auth.service;

import com.clinicsuite.auth.repository.AuditEntry;
import com.clinicsuite.auth.repository.AuditEntryRepository;
import com.clinicsuite.vocabulary.StoredText;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Records every admin change (in the change's own transaction) and lists them for admins. */
@ApplicationScoped
public class AuditTrail {

    private final AuditEntryRepository entries;
    private final Clock clock;

    public AuditTrail(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** @param details what changed, by field name: never personal data values */
    public Uni<Void> record(Actor actor, String action, String targetType, Object targetId, String details) {
        AuditEntry entry = new AuditEntry();
        entry.actorUserId = actor.userId();
        entry.actorUsername = actor.username();
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = String.valueOf(targetId);
        entry.details = StoredText.cut(details, 1000);
        entry.occurredAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return entries.persist(entry).replaceWithVoid();
    }

    @WithSession
    public Uni<List<AuditEntry>> list(String targetType, String targetId, int skip, int limit) {
        return entries.search(targetType, targetId, skip, limit);
    }
}
