package com.clinicsuite.imports.debtors.mailbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the PDF attachments of a message, in nested multiparts and attached (forwarded) messages too, within bounds:
 * at most {@code maxAttachments} PDFs, nesting at most {@link #MAX_DEPTH} deep, and no attachment read past
 * {@code maxBytes} (a larger one is reported, without its content).
 */
final class MailAttachments {

    /** Real mail nests a few levels (a forward of a forward); a deeper structure is refused. */
    static final int MAX_DEPTH = 10;
    /** Names listed in a failure record; more are left out. */
    private static final int MAX_NAMES = 10;

    /** @param content null when the attachment is larger than the limit */
    record Pdf(String filename, byte[] content) {
        boolean tooLarge() {
            return content == null;
        }
    }

    private MailAttachments() {}

    /**
     * The names of the PDF attachments, joined with ", ", without reading their content (IMAP sends the structure
     * alone); null when there is none. For the failure record of a message that is not read further.
     */
    static String pdfNames(Part message) throws MessagingException, IOException, UnreadableMessageException {
        List<String> names = new ArrayList<>();
        walk(message, 0, part -> names.add(part.getFileName() == null ? "report.pdf" : part.getFileName()));
        return names.isEmpty() ? null : String.join(", ", names.subList(0, Math.min(names.size(), MAX_NAMES)));
    }

    static List<Pdf> pdfs(Part message, int maxAttachments, long maxBytes)
            throws MessagingException, IOException, UnreadableMessageException {
        List<Pdf> found = new ArrayList<>();
        walk(message, 0, part -> {
            if (found.size() == maxAttachments) {
                throw new UnreadableMessageException(
                        "The message has more than " + maxAttachments + " PDF attachments; send one report a message");
            }
            try (InputStream in = part.getInputStream()) {
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                found.add(new Pdf(part.getFileName(), content.length > maxBytes ? null : content));
            }
        });
        return found;
    }

    /** Receives each PDF part. */
    @FunctionalInterface
    private interface PdfPart {
        void accept(Part part) throws MessagingException, IOException, UnreadableMessageException;
    }

    private static void walk(Part part, int depth, PdfPart pdfs)
            throws MessagingException, IOException, UnreadableMessageException {
        if (depth > MAX_DEPTH) {
            throw new UnreadableMessageException(
                    "The message nests more than " + MAX_DEPTH + " levels of parts or attached messages");
        }
        if (part.isMimeType("multipart/*")) {
            if (!(part.getContent() instanceof Multipart multipart)) {
                throw new UnreadableMessageException("The message's multipart structure is malformed");
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, depth + 1, pdfs);
            }
            return;
        }
        if (part.isMimeType("message/rfc822") && part.getContent() instanceof Part attached) {
            walk(attached, depth + 1, pdfs);
            return;
        }
        String filename = part.getFileName();
        boolean pdfName = filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".pdf");
        if (part.isMimeType("application/pdf") || pdfName) {
            pdfs.accept(part);
        }
    }
}
