package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.Communication;
import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.ReminderChannel;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A reminder in an account's history; {@code debtor_id} is the debtor the history was asked for. */
public record CommunicationView(
        long id,
        long pharmacyId,
        long debtorId,
        ReminderChannel communicationType,
        String recipient,
        BigDecimal amountDue,
        String subject,
        String message,
        DeliveryStatus status,
        String externalId,
        String errorMessage,
        OffsetDateTime sentAt,
        OffsetDateTime createdAt) {

    static CommunicationView of(Communication c, long debtorId) {
        return new CommunicationView(
                c.id,
                c.pharmacyId,
                debtorId,
                c.communicationType,
                c.recipient,
                c.amountDue,
                c.subject,
                c.message,
                c.status,
                c.externalId,
                c.errorMessage,
                c.sentAt,
                c.createdAt);
    }
}
