package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.Debtor;
import com.clinicsuite.debtor.repository.DebtorRepository;
import com.clinicsuite.web.errors.NotFound;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code {debtor_id}} in a path names an account (pharmacy + acc_no) through its current debtor row: 404 for an
 * unknown pharmacy, or a debtor id that is not one of its current rows. Needs a session.
 */
@ApplicationScoped
public class AccountLookup {

    private final PharmacyDirectory directory;
    private final DebtorRepository debtors;

    public AccountLookup(PharmacyDirectory directory, DebtorRepository debtors) {
        this.directory = directory;
        this.debtors = debtors;
    }

    public Uni<Debtor> require(long pharmacyId, long debtorId) {
        return directory
                .require(pharmacyId)
                .chain(() -> debtors.findInPharmacy(pharmacyId, debtorId))
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("Debtor " + debtorId + " not found"));
    }
}
