package com.clinicsuite.events.notifications;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A pharmacy's reminder channels or default language changed; lets debtor-service refuse reminders early (400) and
 * name the language of an account without one. {@code defaultLanguage} ({@code en} or {@code af}) is null in events
 * published before it existed: read that as {@code en}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChannelConfigured(
        long pharmacyId, boolean emailConfigured, boolean smsConfigured, String defaultLanguage) {

    /** Channels only (the pharmacy's default language left unsaid). */
    public ChannelConfigured(long pharmacyId, boolean emailConfigured, boolean smsConfigured) {
        this(pharmacyId, emailConfigured, smsConfigured, null);
    }
}
