package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.Pharmacy;
import com.clinicsuite.debtor.repository.PharmacyLetterhead;
import com.clinicsuite.debtor.repository.PharmacyLetterheadRepository;
import com.clinicsuite.documents.Statement;
import com.clinicsuite.events.notifications.ChannelConfigured;
import com.clinicsuite.vocabulary.StoredText;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The letterhead each pharmacy prints on its statements of account: a copy of the name, contact phone and bank
 * details of its notification settings, kept from notification-service's ChannelConfigured events. A pharmacy
 * whose settings never said prints the name auth-service gave it.
 */
@ApplicationScoped
public class PharmacyLetterheads {

    private final PharmacyLetterheadRepository letterheads;

    public PharmacyLetterheads(PharmacyLetterheadRepository letterheads) {
        this.letterheads = letterheads;
    }

    /** Runs in the caller's (Inbox) transaction; an event without a letterhead (older) changes nothing. */
    public Uni<Void> apply(ChannelConfigured event) {
        ChannelConfigured.Letterhead letterhead = event.letterhead();
        if (letterhead == null) {
            return Uni.createFrom().voidItem();
        }
        return letterheads
                .findByPharmacy(event.pharmacyId())
                .chain(existing -> {
                    PharmacyLetterhead row = existing != null ? existing : new PharmacyLetterhead();
                    row.pharmacyId = event.pharmacyId();
                    row.displayName = StoredText.cut(letterhead.displayName(), 200);
                    row.contactPhone = StoredText.cut(letterhead.contactPhone(), 50);
                    row.bankDetails = StoredText.cut(letterhead.bankDetails(), 500);
                    row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return existing != null ? Uni.createFrom().item(row) : letterheads.persist(row);
                })
                .replaceWithVoid();
    }

    /** The pharmacy's letterhead. Needs a session. */
    public Uni<Statement.Letterhead> of(Pharmacy pharmacy) {
        return letterheads
                .findByPharmacy(pharmacy.id)
                .map(row -> row == null
                        ? new Statement.Letterhead(pharmacy.name, null, null)
                        : new Statement.Letterhead(
                                row.displayName != null ? row.displayName : pharmacy.name,
                                row.contactPhone,
                                row.bankDetails));
    }
}
