package com.clinicsuite.events.debtors;

import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A reminder to deliver to one debtor. {@code reminderId} is the idempotency key: notification-service
 * delivers each reminder id at most once. Contains personal data (recipient, name): never log it.
 * {@code language} ({@code en} or {@code af}) is the account's, else the pharmacy's default; null in events
 * published before it existed (notification-service then uses the pharmacy's default language).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReminderRequested(
        String reminderId,
        long pharmacyId,
        long debtorId,
        String accNo,
        ReminderChannel channel,
        String recipient,
        String debtorName,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountDue,

        @JsonSerialize(contentUsing = ToStringSerializer.class)
        Map<String, BigDecimal> buckets,

        String requestedBy,
        Instant requestedAt,
        String language) {

    /** A reminder without a language: notification-service uses the pharmacy's default. */
    public ReminderRequested(
            String reminderId,
            long pharmacyId,
            long debtorId,
            String accNo,
            ReminderChannel channel,
            String recipient,
            String debtorName,
            BigDecimal amountDue,
            Map<String, BigDecimal> buckets,
            String requestedBy,
            Instant requestedAt) {
        this(
                reminderId,
                pharmacyId,
                debtorId,
                accNo,
                channel,
                recipient,
                debtorName,
                amountDue,
                buckets,
                requestedBy,
                requestedAt,
                null);
    }
}
