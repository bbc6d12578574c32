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

    /**
     * Deliveries a crashed or cut-off sender left in {@code sending}: their lease passed before {@code now} (a live
     * sender renews it), or, claimed without a lease (before issue 18.6), untouched since before {@code cutoff}.
     * Row-locked, SKIP LOCKED: a row whose lease the sender is renewing right now is not waited for.
     */
    public Uni<List<Delivery>> lockInterrupted(OffsetDateTime now, OffsetDateTime cutoff, int limit) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "from Delivery where status = :status and (leaseUntil < :now"
                                        + " or (leaseUntil is null and updatedAt < :cutoff)) order by id",
                                Delivery.class)
                        .setParameter("status", DeliveryStatus.SENDING)
                        .setParameter("now", now)
                        .setParameter("cutoff", cutoff)
                        .setMaxResults(limit)
                        .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                        .getResultList());
    }

    /**
     * Deliveries still {@code sending} since a claim before {@code deadline} ({@code updated_at}: the claim sets it,
     * the heartbeat does not), row-locked SKIP LOCKED: the watchdog's condition, read under the lock it writes with.
     */
    public Uni<List<Delivery>> lockSendingSince(OffsetDateTime deadline, int limit) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "from Delivery where status = :status and updatedAt < :deadline order by id",
                                Delivery.class)
                        .setParameter("status", DeliveryStatus.SENDING)
                        .setParameter("deadline", deadline)
                        .setMaxResults(limit)
                        .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                        .getResultList());
    }

    /**
     * The heartbeat: moves the lease of the deliveries {@code claimedBy} is still sending to {@code until}. A
     * delivery another instance took as interrupted (no longer {@code sending}, or claimed by someone else) is left.
     */
    public Uni<Integer> renewLease(List<Long> ids, String claimedBy, OffsetDateTime until) {
        return update(
                "leaseUntil = ?1 where id in ?2 and claimedBy = ?3 and status = ?4",
                until,
                ids,
                claimedBy,
                DeliveryStatus.SENDING);
    }

    /** The latest SMS sent to a number, to find which pharmacy a reply without a reference answers. */
    public Uni<Delivery> latestSmsTo(String destination) {
        return find("channel = ?1 and recipient = ?2", Sort.descending("id"), ReminderChannel.SMS, destination)
                .firstResult();
    }
}
