package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.ContactPreference;
import com.clinicsuite.debtor.repository.ContactPreferenceRepository;
import com.clinicsuite.debtor.repository.Language;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ContactPreferencesChanged;
import com.clinicsuite.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Whether an account may be contacted and in which language, keyed to the account (pharmacy + acc_no). Changes are
 * published as {@code ContactPreferencesChanged} (without the reason, which is free text).
 */
@ApplicationScoped
public class ContactPreferences {

    /** What an account has: its stored preferences, or the defaults (contact allowed, the pharmacy's language). */
    public record Preferences(boolean doNotContact, String reason, Language language) {
        static final Preferences DEFAULT = new Preferences(false, null, null);

        static Preferences of(ContactPreference row) {
            return row == null
                    ? DEFAULT
                    : new Preferences(
                            row.doNotContact,
                            row.reason,
                            Language.fromCode(row.language).orElse(null));
        }
    }

    private final AccountLookup accounts;
    private final ContactPreferenceRepository preferences;
    private final CollectionsVersion version;
    private final Outbox outbox;
    private final Clock clock;

    public ContactPreferences(
            AccountLookup accounts,
            ContactPreferenceRepository preferences,
            CollectionsVersion version,
            Outbox outbox,
            Clock clock) {
        this.accounts = accounts;
        this.preferences = preferences;
        this.version = version;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<Preferences> get(long pharmacyId, long debtorId) {
        return accounts.require(pharmacyId, debtorId)
                .chain(debtor -> preferences.findByAccount(pharmacyId, debtor.accNo))
                .map(Preferences::of);
    }

    /** Replaces the account's preferences (already validated) and announces the change. */
    @WithTransaction
    public Uni<Preferences> put(long pharmacyId, long debtorId, Preferences wanted, String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return accounts.require(pharmacyId, debtorId)
                .chain(debtor -> preferences
                        .findByAccount(pharmacyId, debtor.accNo)
                        .chain(existing -> {
                            ContactPreference row = existing != null ? existing : new ContactPreference();
                            row.pharmacyId = pharmacyId;
                            row.accNo = debtor.accNo;
                            row.doNotContact = wanted.doNotContact();
                            row.reason = wanted.reason();
                            row.language = wanted.language() == null
                                    ? null
                                    : wanted.language().code();
                            row.updatedAt = now;
                            row.updatedBy = username;
                            return (existing != null ? Uni.createFrom().item(row) : preferences.persist(row))
                                    .call(() -> version.bump(pharmacyId))
                                    .call(() -> outbox.publish(
                                            EventCatalog.CONTACT_PREFERENCES_CHANGED,
                                            Long.toString(pharmacyId),
                                            new ContactPreferencesChanged(
                                                    pharmacyId,
                                                    row.accNo,
                                                    row.doNotContact,
                                                    row.language,
                                                    username,
                                                    now.toInstant())))
                                    .map(Preferences::of);
                        }));
    }
}
