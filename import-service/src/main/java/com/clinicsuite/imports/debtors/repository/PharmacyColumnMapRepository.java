package com.clinicsuite.imports.debtors.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

@ApplicationScoped
public class PharmacyColumnMapRepository implements PanacheRepositoryBase<PharmacyColumnMap, Long> {

    /** Saves {@code mapping} as the pharmacy's column map, replacing the one it had. Run inside a transaction. */
    public Uni<Void> save(long pharmacyId, String mapping, Long updatedBy, OffsetDateTime now) {
        return findById(pharmacyId).chain(existing -> {
            PharmacyColumnMap map = existing != null ? existing : new PharmacyColumnMap();
            map.pharmacyId = pharmacyId;
            map.mapping = mapping;
            map.updatedAt = now;
            map.updatedBy = updatedBy;
            return existing != null ? Uni.createFrom().voidItem() : persist(map).replaceWithVoid();
        });
    }
}
