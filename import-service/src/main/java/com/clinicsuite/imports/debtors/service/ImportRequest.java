package com.clinicsuite.imports.debtors.service;

/**
 * A received report file and where it came from.
 *
 * @param pharmacyId    null when a mailbox message maps to no pharmacy (it is recorded as a failure)
 * @param uploadedBy    the uploader's user id; null for the mailbox
 * @param mailMessageId the Message-ID of the e-mail it came in, for mailbox imports
 */
public record ImportRequest(
        Long pharmacyId,
        String filename,
        byte[] content,
        Source source,
        Long uploadedBy,
        String uploadedByName,
        String mailMessageId,
        String mailSender) {

    /** How the report arrived; the value travels in the events' {@code source}. */
    public enum Source {
        UPLOAD("upload"),
        MAILBOX("mailbox");

        private final String value;

        Source(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public static ImportRequest upload(long pharmacyId, String filename, byte[] content, Long userId, String username) {
        return new ImportRequest(pharmacyId, filename, content, Source.UPLOAD, userId, username, null, null);
    }

    public static ImportRequest mailbox(
            Long pharmacyId, String filename, byte[] content, String messageId, String sender) {
        return new ImportRequest(pharmacyId, filename, content, Source.MAILBOX, null, null, messageId, sender);
    }
}
