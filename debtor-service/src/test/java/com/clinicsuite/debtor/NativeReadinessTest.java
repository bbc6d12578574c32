package com.clinicsuite.debtor;

import com.clinicsuite.documents.DocumentFonts;
import com.clinicsuite.testkit.NativeReadinessContract;
import java.util.Set;

class NativeReadinessTest extends NativeReadinessContract {

    @Override
    protected Set<Class<?>> resourceReaders() {
        return Set.of(DocumentFonts.class);
    }

    /** The fonts of the printed lists and statements (platform-documents), and what PDFBox reads to write a PDF with an embedded TrueType font. */
    @Override
    protected Set<String> resourcesReadAtRunTime() {
        return Set.of(
                "com/clinicsuite/documents/fonts/DejaVuSans.ttf",
                "com/clinicsuite/documents/fonts/DejaVuSans-Bold.ttf",
                "org/apache/pdfbox/resources/glyphlist/glyphlist.txt",
                "org/apache/pdfbox/resources/glyphlist/zapfdingbats.txt",
                "org/apache/pdfbox/resources/afm/Helvetica.afm",
                "org/apache/fontbox/cmap/Identity-H");
    }
}
