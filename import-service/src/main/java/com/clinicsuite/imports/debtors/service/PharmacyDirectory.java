package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.events.auth.PharmacyUpserted;
import com.clinicsuite.imports.debtors.repository.KnownPharmacy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The pharmacies auth-service announced: an upload for any other id is answered 404. */
@ApplicationScoped
public class PharmacyDirectory {

    /** Runs in the consumer's transaction. */
    public Uni<Void> apply(PharmacyUpserted event) {
        return KnownPharmacy.<KnownPharmacy>findById(event.pharmacyId()).chain(found -> {
            KnownPharmacy pharmacy = found != null ? found : new KnownPharmacy();
            pharmacy.pharmacyId = event.pharmacyId();
            pharmacy.name = event.name();
            pharmacy.code = event.code();
            pharmacy.active = event.active();
            pharmacy.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return found != null
                    ? Uni.createFrom().voidItem()
                    : pharmacy.persist().replaceWithVoid();
        });
    }

    /** An active pharmacy auth-service told us about; deactivated ones take no new reports. */
    public Uni<Boolean> exists(long pharmacyId) {
        return KnownPharmacy.<KnownPharmacy>findById(pharmacyId).map(p -> p != null && p.active);
    }
}
