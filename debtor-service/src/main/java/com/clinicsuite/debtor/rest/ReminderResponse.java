package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.service.ReminderOutcome;
import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code sent} names the address used under {@code email} or {@code phone}, as the contract has it. */
public record ReminderResponse(List<Sent> sent, List<Error> errors) {

    public record Sent(
            long debtorId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String email,
            @JsonInclude(JsonInclude.Include.NON_NULL) String phone,
            DeliveryStatus status,
            String externalId,
            String reminderId) {}

    public record Error(long debtorId, String error) {}

    static ReminderResponse of(ReminderOutcome outcome, ReminderChannel channel) {
        return new ReminderResponse(
                outcome.queued().stream()
                        .map(q -> new Sent(
                                q.debtorId(),
                                channel == ReminderChannel.EMAIL ? q.address() : null,
                                channel == ReminderChannel.SMS ? q.address() : null,
                                q.status(),
                                null,
                                q.reminderId()))
                        .toList(),
                outcome.refused().stream()
                        .map(r -> new Error(r.debtorId(), r.reason()))
                        .toList());
    }
}
