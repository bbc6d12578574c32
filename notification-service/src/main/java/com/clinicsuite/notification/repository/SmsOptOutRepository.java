package com.clinicsuite.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SmsOptOutRepository implements PanacheRepositoryBase<SmsOptOut, Long> {

    public Uni<SmsOptOut> find(long pharmacyId, String phoneDigits) {
        return find("pharmacyId = ?1 and phoneDigits = ?2", pharmacyId, phoneDigits)
                .firstResult();
    }

    public Uni<Boolean> isOptedOut(long pharmacyId, String phoneDigits) {
        return count("pharmacyId = ?1 and phoneDigits = ?2", pharmacyId, phoneDigits)
                .map(n -> n > 0);
    }
}
