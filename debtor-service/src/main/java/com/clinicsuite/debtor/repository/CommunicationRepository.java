package com.clinicsuite.debtor.repository;

import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.ReminderChannel;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class CommunicationRepository implements PanacheRepository<Communication> {

    /** The account's history, newest first. */
    public Uni<List<Communication>> history(long pharmacyId, String accNo) {
        return list(
                "pharmacyId = ?1 and accNo = ?2",
                Sort.descending("createdAt").and("id", Sort.Direction.Descending),
                pharmacyId,
                accNo);
    }

    public Uni<Communication> findByReminderId(String reminderId) {
        return find("reminderId", reminderId).firstResult();
    }

    /** Accounts reminded on this channel since {@code since}, failed reminders not counted. */
    public Uni<Set<String>> remindedSince(
            long pharmacyId, Collection<String> accNos, ReminderChannel channel, OffsetDateTime since) {
        if (accNos.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select distinct accNo from Communication where pharmacyId = :pharmacyId and accNo in :accNos"
                                        + " and communicationType = :channel and createdAt > :since and status <> :failed",
                                String.class)
                        .setParameter("pharmacyId", pharmacyId)
                        .setParameter("accNos", accNos)
                        .setParameter("channel", channel)
                        .setParameter("since", since)
                        .setParameter("failed", DeliveryStatus.FAILED)
                        .getResultList())
                .map(HashSet::new);
    }

    /** Accounts of the pharmacy reminded on any channel since {@code since}, failed reminders not counted. */
    public Uni<Set<String>> contactedSince(long pharmacyId, OffsetDateTime since) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select distinct accNo from Communication where pharmacyId = :pharmacyId"
                                        + " and createdAt > :since and status <> :failed",
                                String.class)
                        .setParameter("pharmacyId", pharmacyId)
                        .setParameter("since", since)
                        .setParameter("failed", DeliveryStatus.FAILED)
                        .getResultList())
                .map(HashSet::new);
    }
}
