package com.clinicsuite.events.debtors;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * An account's (pharmacy + acc_no) contact preferences changed: whether it may be contacted at all and the language
 * of its messages ({@code en}, {@code af}, or null for the pharmacy's default). The reason staff gave is free text
 * and stays in debtor-service. Every system that contacts debtors should honour {@code doNotContact}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactPreferencesChanged(
        long pharmacyId, String accNo, boolean doNotContact, String language, String changedBy, Instant changedAt) {}
