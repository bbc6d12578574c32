package com.clinicsuite.imports.debtors.rest;

import com.clinicsuite.imports.debtors.repository.DebtorReportUpload;
import java.time.OffsetDateTime;

/** A mailbox report that was not imported, for the operator who has to follow it up. */
public record MailboxFailure(
        String uploadId,
        Long pharmacyId,
        String filename,
        String sender,
        String messageId,
        String error,
        OffsetDateTime receivedAt) {

    static MailboxFailure of(DebtorReportUpload upload) {
        return new MailboxFailure(
                upload.id,
                upload.pharmacyId,
                upload.filename,
                upload.mailSender,
                upload.mailMessageId,
                upload.error,
                upload.createdAt);
    }
}
