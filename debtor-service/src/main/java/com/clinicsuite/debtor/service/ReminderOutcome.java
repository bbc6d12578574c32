package com.clinicsuite.debtor.service;

import com.clinicsuite.vocabulary.DeliveryStatus;
import java.util.List;

/** Which debtors got a reminder queued and why the others did not. */
public record ReminderOutcome(List<Queued> queued, List<Refused> refused) {

    /** {@code address} is the e-mail or phone as the debtor has it. */
    public record Queued(long debtorId, String address, String reminderId, DeliveryStatus status) {}

    public record Refused(long debtorId, String reason) {}
}
