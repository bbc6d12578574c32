package com.clinicsuite.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Measuring, wrapping and drawing text for the documents: what the printed lists and the statement lay out with.
 * Sizes are in points; widths are what the font's glyphs take.
 */
public final class PdfText {

    /** Widths are sums of floats: a text measured to fit a column exactly must still fit it. */
    private static final float TOLERANCE = 0.05f;

    private PdfText() {}

    /** The width of {@code text} in {@code font} at {@code size}. */
    public static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("Unprintable text reached the layout", e));
        }
    }

    /** Height from the baseline to the top of capitals, and below it to the bottom of descenders. */
    public static float ascent(PDFont font, float size) {
        return font.getFontDescriptor().getCapHeight() / 1000 * size;
    }

    public static float descent(PDFont font, float size) {
        return -font.getFontDescriptor().getDescent() / 1000 * size;
    }

    /**
     * Lines of at most {@code maxWidth}, broken at spaces; a word longer than a line is broken between characters.
     * Nothing is cut or dropped: the lines joined with spaces give the text back (where it broke at spaces).
     * An empty text is one empty line.
     */
    public static List<String> wrap(PDFont font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        if (rest.isEmpty()) {
            lines.add("");
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : rest.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= maxWidth + TOLERANCE) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String remaining = word;
            while (width(font, size, remaining) > maxWidth + TOLERANCE) {
                int cut = longestPrefix(font, size, remaining, maxWidth);
                lines.add(remaining.substring(0, cut));
                remaining = remaining.substring(cut);
            }
            line.append(remaining);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static int longestPrefix(PDFont font, float size, String word, float maxWidth) {
        int end = word.offsetByCodePoints(0, 1);
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (width(font, size, word.substring(0, next)) > maxWidth + TOLERANCE) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** Control characters print as spaces and glyphs the font lacks as '?', instead of failing the document. */
    public static String printable(PDFont font, String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(' ');
                return;
            }
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch); // throws for a glyph the font does not have
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** Draws one line of text with its baseline at {@code y}. */
    public static void show(PDPageContentStream content, PDFont font, float size, float x, float y, String text) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws one line of text ending at {@code right}. */
    public static void showRight(
            PDPageContentStream content, PDFont font, float size, float right, float y, String text) {
        show(content, font, size, right - width(font, size, text), y, text);
    }
}
