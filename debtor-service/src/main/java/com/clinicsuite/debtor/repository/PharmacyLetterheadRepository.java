package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PharmacyLetterheadRepository implements PanacheRepository<PharmacyLetterhead> {

    public Uni<PharmacyLetterhead> findByPharmacy(long pharmacyId) {
        return find("pharmacyId", pharmacyId).firstResult();
    }
}
