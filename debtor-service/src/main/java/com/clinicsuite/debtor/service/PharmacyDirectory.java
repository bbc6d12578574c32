package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.Pharmacy;
import com.clinicsuite.debtor.repository.PharmacyRepository;
import com.clinicsuite.events.auth.PharmacyUpserted;
import com.clinicsuite.web.errors.NotFound;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The pharmacies debtor-service knows, kept from auth-service's events. */
@ApplicationScoped
public class PharmacyDirectory {

    private final PharmacyRepository pharmacies;

    public PharmacyDirectory(PharmacyRepository pharmacies) {
        this.pharmacies = pharmacies;
    }

    /** Applies auth-service's current state of a pharmacy; runs in the caller's (Inbox) transaction. */
    public Uni<Void> apply(PharmacyUpserted event) {
        return pharmacies
                .findById(event.pharmacyId())
                .chain(existing -> {
                    Pharmacy pharmacy = existing != null ? existing : new Pharmacy();
                    pharmacy.id = event.pharmacyId();
                    pharmacy.name = event.name();
                    pharmacy.code = event.code();
                    pharmacy.active = event.active();
                    pharmacy.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return existing != null ? Uni.createFrom().item(pharmacy) : pharmacies.persist(pharmacy);
                })
                .replaceWithVoid();
    }

    /** The pharmacy, or 404 when auth-service never announced it. Needs a session. */
    public Uni<Pharmacy> require(long pharmacyId) {
        return pharmacies
                .findById(pharmacyId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("Pharmacy " + pharmacyId + " not found"));
    }
}
