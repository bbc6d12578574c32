package com.clinicsuite.events.notifications;

import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A reminder moved to {@code queued}, {@code sent}, {@code delivered} or {@code failed}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeliveryStatusChanged(
        String reminderId,
        long pharmacyId,
        String accNo,
        ReminderChannel channel,
        DeliveryStatus status,
        String provider,
        String externalId,
        String subject,
        String message,
        String error,
        Instant occurredAt) {}
