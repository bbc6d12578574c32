package com.clinicsuite.notification.repository;

import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.ReminderChannel;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.LockMode;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, Long> {

    public Uni<Delivery> findByReminderId(String reminderId) {
        return find("reminderId", reminderId).firstResult();
    }

    public Uni<Delivery> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResult();
    }

    /**
     * The oldest queued deliveries, row-locked with SKIP LOCKED so that replicas claiming at the same time never
     * take the same rows. Call inside a transaction and move them out of {@code queued} before it commits.
     */
    public Uni<List<Delivery>> lockQueued(int limit) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "from Delivery where status = :status order by id", Delivery.class)
                        .setParameter("status", DeliveryStatus.QUEUED)
                        .setMaxResults(limit)
                        .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                        .getResultList());
    }

    /** Deliveries a crashed or stuck sender left in {@code sending} since before {@code cutoff}. */
    public Uni<List<Delivery>> findSendingSince(OffsetDateTime cutoff, int limit) {
        return find("status = ?1 and updatedAt < ?2", Sort.by("id"), DeliveryStatus.SENDING, cutoff)
                .page(0, limit)
                .list();
    }

    /** The latest SMS sent to a number, to find which pharmacy a reply without a reference answers. */
    public Uni<Delivery> latestSmsTo(String destination) {
        return find("channel = ?1 and recipient = ?2", Sort.descending("id"), ReminderChannel.SMS, destination)
                .firstResult();
    }
}
