package com.clinicsuite.events.debtors;

import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A reminder to deliver to one debtor. {@code reminderId} is the idempotency key: notification-service
 * delivers each reminder id at most once. Contains personal data (recipient, name): never log it.
 * {@code language} ({@code en} or {@code af}) is the account's, else the pharmacy's default; null in events
 * published before it existed (notification-service then uses the pharmacy's default language).
 * {@code statement} is set when the e-mail carries the debtor's statement of account as a PDF attachment
 * ({@code attach_statement}): what the statement prints about the account; notification-service adds the
 * pharmacy's letterhead and renders it. Null for SMS, without {@code attach_statement}, and in events published
 * before it existed.
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
        String language,
        StatementOfAccount statement) {

    /** A reminder without a language (notification-service uses the pharmacy's default) nor a statement. */
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
                null,
                null);
    }

    /** A reminder in a language, without a statement attached. */
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
            Instant requestedAt,
            String language) {
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
                language,
                null);
    }

    /**
     * The account as its statement prints it: the date of the report the balances come from (null when the report
     * had none), the language ({@code en} or {@code af}), the debtor's contact details and the balance by age.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StatementOfAccount(
            LocalDate reportDate,
            String language,
            String email,
            String phone,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal current,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal d30,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal d60,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal d90,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal d120,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal d150,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal d180,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance) {

        @Override
        public String toString() {
            return "StatementOfAccount[" + language + "]"; // personal data never reaches logs
        }
    }
}
