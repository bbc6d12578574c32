package com.clinicsuite.imports.debtors.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * How the mailbox takes a pharmacy's reports. The secret address itself is never shown again after it was made.
 *
 * @param authentication   {@code sender}, {@code secret-address} or {@code any}
 * @param senderAddresses  the From addresses mapped to the pharmacy (import.mailbox.senders)
 * @param folders          the mailbox folders mapped to the pharmacy (import.mailbox.folders)
 * @param secretAddress    when its current secret address was made and by whom; null when it has none
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MailboxPharmacyView(
        long pharmacyId,
        String authentication,
        List<String> senderAddresses,
        List<String> folders,
        SecretAddress secretAddress) {

    public record SecretAddress(OffsetDateTime createdAt, String createdBy) {}
}
