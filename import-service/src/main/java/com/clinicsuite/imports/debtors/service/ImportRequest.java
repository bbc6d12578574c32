package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.vocabulary.ReportSource;
import com.clinicsuite.vocabulary.StoredText;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A received report file and where it came from. The factories make the texts fit to store ({@link StoredText}): a
 * file name or sender too long for its column must not fail the write that records the upload.
 *
 * @param pharmacyId    null when a mailbox message maps to no pharmacy (it is recorded as a failure)
 * @param uploadedBy    the uploader's user id; null for the mailbox
 * @param mailMessageId the Message-ID of the e-mail it came in, for mailbox imports
 */
// built inside the upload method, which answers a JAX-RS Response: registered for the native image
// (NativeReadinessContract)
@RegisterForReflection
public record ImportRequest(
        Long pharmacyId,
        String filename,
        byte[] content,
        ReportSource source,
        Long uploadedBy,
        String uploadedByName,
        String mailMessageId,
        String mailSender) {

    /** {@code debtor_report_upload.mail_message_id}: a cut Message-ID still identifies its message. */
    public static final int MAX_MESSAGE_ID = 500;
    /** {@code debtor_report_upload.mail_sender}: the longest an address may be. */
    public static final int MAX_SENDER = 320;

    /** @param filename as the client sent it, path and all */
    public static ImportRequest upload(long pharmacyId, String filename, byte[] content, Long userId, String username) {
        return new ImportRequest(
                pharmacyId,
                StoredText.filename(filename, "report.pdf"),
                content,
                ReportSource.UPLOAD,
                userId,
                username,
                null,
                null);
    }

    /** @param filename as the attachment names it, or null for a message without one */
    public static ImportRequest mailbox(
            Long pharmacyId, String filename, byte[] content, String messageId, String sender) {
        return new ImportRequest(
                pharmacyId,
                StoredText.filename(filename, "(none)"),
                content,
                ReportSource.MAILBOX,
                null,
                null,
                StoredText.bounded(messageId, MAX_MESSAGE_ID),
                StoredText.bounded(sender, MAX_SENDER));
    }
}
