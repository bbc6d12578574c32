package com.clinicsuite.imports;

import com.clinicsuite.imports.debtors.pdf.DecodeBudget;
import com.clinicsuite.testkit.NativeReadinessContract;
import java.util.Set;

class NativeReadinessTest extends NativeReadinessContract {

    /** DecodeBudget wraps PDFBox's filters through FilterFactory's private map (it has no API for it). */
    @Override
    protected Set<Class<?>> reflectiveLookups() {
        return Set.of(DecodeBudget.class);
    }

    /**
     * What PDFBox reads to extract the text of a report: glyph names, the metrics of the 14 standard fonts (the
     * dispensing system's reports use Courier without embedding it), CMaps of CID fonts, its fallback font.
     */
    @Override
    protected Set<String> resourcesReadAtRunTime() {
        return Set.of(
                "org/apache/pdfbox/resources/glyphlist/glyphlist.txt",
                "org/apache/pdfbox/resources/glyphlist/zapfdingbats.txt",
                "org/apache/pdfbox/resources/glyphlist/additional.txt",
                "org/apache/pdfbox/resources/afm/Courier.afm",
                "org/apache/pdfbox/resources/afm/Helvetica-Bold.afm",
                "org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf",
                "org/apache/fontbox/cmap/Identity-H",
                "org/apache/fontbox/unicode/Scripts.txt");
    }
}
