package com.clinicsuite.events.notifications;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A pharmacy's reminder channels changed; lets debtor-service refuse reminders early (400). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChannelConfigured(long pharmacyId, boolean emailConfigured, boolean smsConfigured) {}
