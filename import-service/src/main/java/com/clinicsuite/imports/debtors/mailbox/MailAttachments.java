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

/** Finds the PDF attachments of a message, in nested multiparts too (forwarded mail). */
final class MailAttachments {

    record Pdf(String filename, byte[] content) {}

    private MailAttachments() {}

    static List<Pdf> pdfs(Part message) throws MessagingException, IOException {
        List<Pdf> found = new ArrayList<>();
        collect(message, found);
        return found;
    }

    private static void collect(Part part, List<Pdf> found) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, found);
            }
            return;
        }
        String filename = part.getFileName();
        boolean pdfName = filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".pdf");
        if (part.isMimeType("application/pdf") || pdfName) {
            try (InputStream in = part.getInputStream()) {
                found.add(new Pdf(filename != null ? filename : "report.pdf", in.readAllBytes()));
            }
        }
    }
}
