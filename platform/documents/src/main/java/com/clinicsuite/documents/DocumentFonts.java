package com.clinicsuite.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The regular and bold font of one document. Text that the PDF standard fonts can print (Helvetica, WinAnsi:
 * English, Afrikaans and every Western European accent) uses them: nothing is embedded, a one-page statement is
 * ~4 kB and costs a fraction of a millisecond. Text with any other character (Polish, Turkish, Greek, Cyrillic
 * names ...) uses DejaVu Sans and DejaVu Sans Bold (licence beside them), embedded as subsets: ~20 kB and several
 * milliseconds a page, most of it spent on the font's 6,000 glyphs, so it is only paid when needed.
 *
 * <p>Parsing DejaVu (1.4 MB) costs more than a page, so parsed fonts are kept and lent out: one pair per document
 * being written at the same time (a subset is written from the font's tables at save). Use in try-with-resources
 * around the whole document, including {@code save}.
 */
public final class DocumentFonts implements AutoCloseable {

    private static final String REGULAR = "fonts/DejaVuSans.ttf";
    private static final String BOLD = "fonts/DejaVuSans-Bold.ttf";
    private static final ConcurrentLinkedQueue<TrueTypeFont[]> IDLE = new ConcurrentLinkedQueue<>();

    private final TrueTypeFont[] parsed;
    private final PDFont regular;
    private final PDFont bold;

    private DocumentFonts(TrueTypeFont[] parsed, PDFont regular, PDFont bold) {
        this.parsed = parsed;
        this.regular = regular;
        this.bold = bold;
    }

    /**
     * Fonts that print every character of {@code texts} (the variable text of the document; its fixed words are
     * WinAnsi). Close after the document was saved.
     */
    public static DocumentFonts load(PDDocument document, Collection<String> texts) {
        PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        if (texts.stream().allMatch(text -> standardFontsPrint(helvetica, text))) {
            return new DocumentFonts(null, helvetica, new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
        }
        return embedded(document);
    }

    /** DejaVu, embedded whatever the text. */
    public static DocumentFonts embedded(PDDocument document) {
        TrueTypeFont[] pair = IDLE.poll();
        if (pair == null) {
            pair = new TrueTypeFont[] {parse(REGULAR), parse(BOLD)};
        }
        try {
            return new DocumentFonts(
                    pair, PDType0Font.load(document, pair[0], true), PDType0Font.load(document, pair[1], true));
        } catch (IOException e) {
            IDLE.add(pair);
            throw new UncheckedIOException("Could not load the document fonts", e);
        }
    }

    public PDFont regular() {
        return regular;
    }

    public PDFont bold() {
        return bold;
    }

    /** Whether DejaVu is embedded (the text needed more than the standard fonts print). */
    public boolean isEmbedded() {
        return parsed != null;
    }

    /** Lends the parsed fonts to the next document. */
    @Override
    public void close() {
        if (parsed != null) {
            IDLE.add(parsed);
        }
    }

    private static boolean standardFontsPrint(PDType1Font font, String text) {
        if (text == null || text.isEmpty()) {
            return true;
        }
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> printable.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        try {
            font.encode(printable.toString());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static TrueTypeFont parse(String resource) {
        try (InputStream in = DocumentFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + resource);
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the font " + resource, e);
        }
    }
}
