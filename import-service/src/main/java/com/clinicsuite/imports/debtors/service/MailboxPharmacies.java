package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.imports.debtors.repository.MailboxSecretAddress;
import com.clinicsuite.web.errors.NotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The admin API's view of a pharmacy's mailbox settings: its secret address, for a pharmacy auth-service announced
 * ({@link NotFound} otherwise). Each method is one session or transaction.
 */
@ApplicationScoped
public class MailboxPharmacies {

    private final MailboxSecretAddresses secretAddresses;
    private final PharmacyDirectory pharmacies;

    public MailboxPharmacies(MailboxSecretAddresses secretAddresses, PharmacyDirectory pharmacies) {
        this.secretAddresses = secretAddresses;
        this.pharmacies = pharmacies;
    }

    /** The pharmacy's secret address record (without the token), or null when it has none. */
    @WithSession
    public Uni<MailboxSecretAddress> secretAddress(long pharmacyId) {
        return requirePharmacy(pharmacyId).chain(() -> secretAddresses.find(pharmacyId));
    }

    /** A new secret address for the pharmacy, replacing any. */
    @WithTransaction
    public Uni<MailboxSecretAddresses.Issued> issueSecretAddress(long pharmacyId, String issuedBy) {
        return requirePharmacy(pharmacyId).chain(() -> secretAddresses.issue(pharmacyId, issuedBy));
    }

    /** Removes the pharmacy's secret address (nothing when it had none). */
    @WithTransaction
    public Uni<Void> revokeSecretAddress(long pharmacyId) {
        return requirePharmacy(pharmacyId)
                .chain(() -> secretAddresses.revoke(pharmacyId))
                .replaceWithVoid();
    }

    private Uni<Void> requirePharmacy(long pharmacyId) {
        return pharmacies
                .exists(pharmacyId)
                .invoke(exists -> {
                    if (!exists) {
                        throw new NotFound("Pharmacy " + pharmacyId + " not found");
                    }
                })
                .replaceWithVoid();
    }
}
