package com.clinicsuite.debtor.repository;

import com.clinicsuite.vocabulary.DeliveryStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ReminderRunRepository implements PanacheRepository<ReminderRun> {

    /** Newest first. */
    public Uni<List<ReminderRun>> history(long pharmacyId, int limit) {
        return find("pharmacyId", Sort.descending("createdAt").and("id", Sort.Direction.Descending), pharmacyId)
                .page(0, limit)
                .list();
    }

    public Uni<Boolean> exists(long pharmacyId, String trigger, String slotKey) {
        return count("pharmacyId = ?1 and trigger = ?2 and slotKey = ?3", pharmacyId, trigger, slotKey)
                .map(n -> n > 0);
    }

    /** Ids of pending runs due by {@code now}, oldest first. */
    public Uni<List<Long>> due(OffsetDateTime now, int limit) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select id from ReminderRun where status = :status and notBefore <= :now"
                                        + " order by notBefore, id",
                                Long.class)
                        .setParameter("status", ReminderRun.PENDING)
                        .setParameter("now", now)
                        .setMaxResults(limit)
                        .getResultList());
    }

    /** Reminders the pharmacy's policy runs queued since {@code since} (the daily maximum). */
    public Uni<Long> queuedSince(long pharmacyId, OffsetDateTime since) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select coalesce(sum(queued), 0) from ReminderRun where pharmacyId = :pharmacyId"
                                        + " and status = :status and finishedAt >= :since",
                                Long.class)
                        .setParameter("pharmacyId", pharmacyId)
                        .setParameter("status", ReminderRun.FINISHED)
                        .setParameter("since", since)
                        .getSingleResult());
    }

    /** How many of each run's reminders failed to deliver (notification-service's status), by run id. */
    public Uni<Map<Long, Long>> failedByRun(Collection<Long> runIds) {
        if (runIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select runId, count(*) from Communication where runId in :runIds"
                                        + " and status = :failed group by runId",
                                Object[].class)
                        .setParameter("runIds", runIds)
                        .setParameter("failed", DeliveryStatus.FAILED)
                        .getResultList())
                .map(rows -> {
                    Map<Long, Long> failed = new HashMap<>();
                    rows.forEach(r -> failed.put((Long) r[0], ((Number) r[1]).longValue()));
                    return failed;
                });
    }
}
