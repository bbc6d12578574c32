package com.clinicsuite.events.notifications;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A pharmacy's reminder channels, default language or letterhead changed; lets debtor-service refuse reminders
 * early (400), name the language of an account without one and print the pharmacy's letterhead on statements of
 * account. {@code defaultLanguage} ({@code en} or {@code af}) is null in events published before it existed: read
 * that as {@code en}. {@code letterhead} is null in events published before it existed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChannelConfigured(
        long pharmacyId,
        boolean emailConfigured,
        boolean smsConfigured,
        String defaultLanguage,
        Letterhead letterhead) {

    /** Channels only (the pharmacy's default language and letterhead left unsaid). */
    public ChannelConfigured(long pharmacyId, boolean emailConfigured, boolean smsConfigured) {
        this(pharmacyId, emailConfigured, smsConfigured, null, null);
    }

    /** Channels and the default language (the letterhead left unsaid). */
    public ChannelConfigured(long pharmacyId, boolean emailConfigured, boolean smsConfigured, String defaultLanguage) {
        this(pharmacyId, emailConfigured, smsConfigured, defaultLanguage, null);
    }

    /**
     * What the pharmacy prints at the top of its reminders and statements (the notification settings'
     * {@code display_name}, else {@code from_name}; {@code contact_phone}; {@code bank_details}); each may be null.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Letterhead(String displayName, String contactPhone, String bankDetails) {}
}
