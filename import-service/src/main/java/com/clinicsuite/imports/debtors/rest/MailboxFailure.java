package com.clinicsuite.imports.debtors.rest;

import com.clinicsuite.imports.debtors.repository.DebtorReportUpload;
import java.time.OffsetDateTime;

/**
 * A mailbox report that was not imported, for the operator who has to follow it up.
 *
 * @param quarantined the message was moved to the quarantine folder (import.mailbox.quarantine-folder) rather than to
 *                    the processed one: it imported nothing because of the message itself
 */
public record MailboxFailure(
        String uploadId,
        Long pharmacyId,
        String filename,
        String sender,
        String messageId,
        String error,
        boolean quarantined,
        OffsetDateTime receivedAt) {

    static MailboxFailure of(DebtorReportUpload upload) {
        return new MailboxFailure(
                upload.id,
                upload.pharmacyId,
                upload.filename,
                upload.mailSender,
                upload.mailMessageId,
                upload.error,
                upload.mailQuarantined,
                upload.createdAt);
    }
}
