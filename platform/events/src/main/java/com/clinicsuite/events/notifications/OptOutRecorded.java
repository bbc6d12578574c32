package com.clinicsuite.events.notifications;

import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A number opted out of (or back into) a pharmacy's SMS; {@code phoneDigits} is 10 national digits. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OptOutRecorded(
        long pharmacyId, ReminderChannel channel, String phoneDigits, boolean optedOut, Instant recordedAt) {}
