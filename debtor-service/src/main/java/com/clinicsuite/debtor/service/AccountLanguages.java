package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.ContactPreferenceRepository;
import com.clinicsuite.debtor.repository.Language;
import com.clinicsuite.debtor.repository.PharmacyChannelRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The language an account is written to: its own (contact preferences), else the pharmacy's default language
 * (notification settings, learned from notifications.channels), else English. Needs a session.
 */
@ApplicationScoped
public class AccountLanguages {

    private final ContactPreferenceRepository preferences;
    private final PharmacyChannelRepository channels;

    public AccountLanguages(ContactPreferenceRepository preferences, PharmacyChannelRepository channels) {
        this.preferences = preferences;
        this.channels = channels;
    }

    public Uni<Language> of(long pharmacyId, String accNo) {
        return preferences
                .languageOf(pharmacyId, accNo)
                .chain(own -> own.isPresent() ? Uni.createFrom().item(own.get()) : pharmacyDefault(pharmacyId));
    }

    /** The pharmacy's default language ({@code en} until notification-service announced another). */
    public Uni<Language> pharmacyDefault(long pharmacyId) {
        return channels.findByPharmacy(pharmacyId)
                .map(row -> row == null
                        ? Language.EN
                        : Language.fromCode(row.defaultLanguage).orElse(Language.EN));
    }
}
