package com.clinicsuite.notification;

import com.clinicsuite.documents.DocumentFonts;
import com.clinicsuite.notification.service.ReminderTemplates;
import com.clinicsuite.testkit.NativeReadinessContract;
import java.util.Set;

class NativeReadinessTest extends NativeReadinessContract {

    @Override
    protected Set<Class<?>> resourceReaders() {
        return Set.of(ReminderTemplates.class, DocumentFonts.class);
    }

    /**
     * The built-in reminder templates, English and Afrikaans ({@code af/}), and what the attached statements need
     * (platform-documents' fonts, what PDFBox reads to write a PDF with an embedded TrueType font).
     */
    @Override
    protected Set<String> resourcesReadAtRunTime() {
        return Set.of(
                "default-templates/reminder-email-subject.txt",
                "default-templates/reminder-email.html",
                "default-templates/reminder-email.txt",
                "default-templates/reminder-sms.txt",
                "default-templates/af/reminder-email-subject.txt",
                "default-templates/af/reminder-email.html",
                "default-templates/af/reminder-email.txt",
                "default-templates/af/reminder-sms.txt",
                "com/clinicsuite/documents/fonts/DejaVuSans.ttf",
                "com/clinicsuite/documents/fonts/DejaVuSans-Bold.ttf",
                "org/apache/pdfbox/resources/glyphlist/glyphlist.txt",
                "org/apache/pdfbox/resources/glyphlist/zapfdingbats.txt",
                "org/apache/pdfbox/resources/afm/Helvetica.afm",
                "org/apache/fontbox/cmap/Identity-H");
    }
}
