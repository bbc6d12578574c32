package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class PaymentPromiseRepository implements PanacheRepository<PaymentPromise> {

    /** The account's promises, newest first. */
    public Uni<List<PaymentPromise>> ofAccount(long pharmacyId, String accNo) {
        return list(
                "pharmacyId = ?1 and accNo = ?2",
                Sort.descending("createdAt").and("id", Sort.Direction.Descending),
                pharmacyId,
                accNo);
    }

    public Uni<PaymentPromise> openOf(long pharmacyId, String accNo) {
        return find("pharmacyId = ?1 and accNo = ?2 and status = ?3", pharmacyId, accNo, PaymentPromise.OPEN)
                .firstResult();
    }

    /** The open promises of those accounts, by acc_no. */
    public Uni<Map<String, PaymentPromise>> openByAccount(long pharmacyId, Collection<String> accNos) {
        if (accNos.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("pharmacyId = ?1 and accNo in ?2 and status = ?3", pharmacyId, accNos, PaymentPromise.OPEN)
                .map(rows -> rows.stream().collect(Collectors.toMap(p -> p.accNo, Function.identity())));
    }

    /** Every open promise of the pharmacy, by acc_no (policy runs). */
    public Uni<Map<String, PaymentPromise>> openOfPharmacy(long pharmacyId) {
        return list("pharmacyId = ?1 and status = ?2", pharmacyId, PaymentPromise.OPEN)
                .map(rows -> rows.stream().collect(Collectors.toMap(p -> p.accNo, Function.identity())));
    }

    /** Open promises made before {@code before} (a report decides only promises made before it completed). */
    public Uni<List<PaymentPromise>> openMadeBefore(long pharmacyId, OffsetDateTime before) {
        return list("pharmacyId = ?1 and status = ?2 and createdAt < ?3", pharmacyId, PaymentPromise.OPEN, before);
    }
}
