package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.repository.Language;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A debtor's current reminder content, for notification-service's template preview ({@code {"debtor_id"}}): the
 * values a reminder in those buckets would carry ({@link ReminderValues}) and the language it would be written in
 * (the account's, else the pharmacy's default: {@link AccountLanguages}), exactly as {@link ReminderRequests} puts
 * them in {@code ReminderRequested}. Nothing is checked beyond the debtor being one of the pharmacy's current rows:
 * a preview renders even for an account a reminder would skip.
 */
@ApplicationScoped
public class ReminderContents {

    /** The values and the language code ({@code en}, {@code af}). */
    public record Content(ReminderValues values, Language language) {}

    private final AccountLookup accounts;
    private final AccountLanguages languages;

    public ReminderContents(AccountLookup accounts, AccountLanguages languages) {
        this.accounts = accounts;
        this.languages = languages;
    }

    /** 404 for an unknown pharmacy or a debtor that is not one of its current rows. */
    @WithSession
    public Uni<Content> of(long pharmacyId, long debtorId, List<AgeingBucket> buckets) {
        return accounts.require(pharmacyId, debtorId)
                .chain(debtor -> languages
                        .of(pharmacyId, debtor.accNo)
                        .map(language -> new Content(ReminderValues.of(debtor, buckets), language)));
    }
}
