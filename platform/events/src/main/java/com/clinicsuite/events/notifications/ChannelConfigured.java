package com.clinicsuite.events.notifications;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A pharmacy's reminder channels or letterhead changed; lets debtor-service refuse reminders early (400) and print
 * the pharmacy's letterhead on statements of account. {@code letterhead} is null in events published before it
 * existed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChannelConfigured(
        long pharmacyId, boolean emailConfigured, boolean smsConfigured, Letterhead letterhead) {

    /** Channels only (the letterhead left unsaid). */
    public ChannelConfigured(long pharmacyId, boolean emailConfigured, boolean smsConfigured) {
        this(pharmacyId, emailConfigured, smsConfigured, null);
    }

    /**
     * What the pharmacy prints at the top of its reminders and statements (the notification settings'
     * {@code display_name}, else {@code from_name}; {@code contact_phone}; {@code bank_details}); each may be null.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Letterhead(String displayName, String contactPhone, String bankDetails) {}
}
