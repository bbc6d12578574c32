package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class AccountNoteRepository implements PanacheRepository<AccountNote> {

    /** The account's notes, newest first. */
    public Uni<List<AccountNote>> ofAccount(long pharmacyId, String accNo) {
        return list(
                "pharmacyId = ?1 and accNo = ?2",
                Sort.descending("createdAt").and("id", Sort.Direction.Descending),
                pharmacyId,
                accNo);
    }

    /** How many notes each of those accounts has (accounts without notes are absent). */
    public Uni<Map<String, Long>> countsByAccount(long pharmacyId, Collection<String> accNos) {
        if (accNos.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select accNo, count(*) from AccountNote where pharmacyId = :pharmacyId"
                                        + " and accNo in :accNos group by accNo",
                                Object[].class)
                        .setParameter("pharmacyId", pharmacyId)
                        .setParameter("accNos", accNos)
                        .getResultList())
                .map(rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
                    return counts;
                });
    }
}
