package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

@ApplicationScoped
public class SmsOptOutRepository implements PanacheRepository<SmsOptOut> {

    public Uni<SmsOptOut> find(long pharmacyId, String phoneDigits) {
        return find("pharmacyId = ?1 and phoneDigits = ?2", pharmacyId, phoneDigits)
                .firstResult();
    }

    /** Which of these numbers opted out of the pharmacy's SMS. */
    public Uni<Set<String>> optedOut(long pharmacyId, Collection<String> phoneDigits) {
        if (phoneDigits.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return list("pharmacyId = ?1 and phoneDigits in ?2", pharmacyId, phoneDigits)
                .map(rows -> {
                    Set<String> result = new HashSet<>();
                    rows.forEach(r -> result.add(r.phoneDigits));
                    return result;
                });
    }

    /** Every number that opted out of the pharmacy's SMS (policy runs read them all at once). */
    public Uni<Set<String>> ofPharmacy(long pharmacyId) {
        return list("pharmacyId", pharmacyId).map(rows -> {
            Set<String> result = new HashSet<>();
            rows.forEach(r -> result.add(r.phoneDigits));
            return result;
        });
    }
}
