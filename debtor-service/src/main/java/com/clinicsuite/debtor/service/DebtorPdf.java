package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.ExportRow;
import com.clinicsuite.documents.DocumentFonts;
import com.clinicsuite.documents.PdfText;
import com.clinicsuite.documents.RandFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A printed list of debtors on landscape A4: the pharmacy, the title and what was selected (the report the
 * balances come from, the selection and filters, when it was printed) on the first page, a table whose column
 * widths come from its content (amounts never wrap; long names wrap within their column, never cut; headings wrap
 * at spaces rather than touch), the headings repeated on every page, a totals row set apart, and the pharmacy,
 * title and "Page n of m" at the foot of every page. Amounts are Rand as the reminders print them
 * ({@code R 12 345.67}), right-aligned; a zero bucket prints as a dash so the amounts stand out.
 * CPU work: call it from a worker thread.
 */
public final class DebtorPdf {

    /**
     * One column.
     *
     * @param value  the amount of an amount column (summed into the totals row); null for a text column
     * @param text   the text of a text column
     * @param wrap   the column takes the width left over and wraps (names, notes); others are as wide as their
     *               widest cell unless that is more than a fifth of the page, then they wrap too
     */
    public record Column(
            String heading, Function<ExportRow, BigDecimal> value, Function<ExportRow, String> text, boolean wrap) {

        public static Column amount(String heading, Function<ExportRow, BigDecimal> value) {
            return new Column(heading, value, null, false);
        }

        public static Column text(String heading, Function<ExportRow, String> text) {
            return new Column(heading, null, text, false);
        }

        public static Column wrapping(String heading, Function<ExportRow, String> text) {
            return new Column(heading, null, text, true);
        }

        boolean isAmount() {
            return value != null;
        }
    }

    /**
     * What to print.
     *
     * @param title        what the list is ("Debtors age analysis")
     * @param about        lines printed under the title: the report, the selection and filters, the print time
     * @param footer       the pharmacy and title as every page's foot names them
     * @param totalsLabel  the totals row's text in the first wrapping column ("Totals (12 accounts)")
     */
    public record Document(
            String pharmacyName,
            String title,
            List<String> about,
            List<Column> columns,
            List<ExportRow> debtors,
            String totalsLabel) {}

    static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float MARGIN = 30;
    private static final float PAD = 4;
    private static final float FOOTER = MARGIN + 6;
    private static final float SHADE = 0.94f;
    private static final float TOTALS_SHADE = 0.86f;
    private static final float GREY = 0.35f;
    /** What a zero bucket prints. */
    static final String ZERO = "–";

    private DebtorPdf() {}

    public static byte[] render(Document doc) {
        List<String> texts = new ArrayList<>();
        texts.add(doc.pharmacyName());
        texts.add(doc.title());
        texts.addAll(doc.about());
        for (Column c : doc.columns()) {
            texts.add(c.heading());
            if (!c.isAmount()) {
                doc.debtors().forEach(d -> texts.add(c.text().apply(d)));
            }
        }
        try (PDDocument document = new PDDocument();
                DocumentFonts fonts = DocumentFonts.load(document, texts)) {
            document.getDocumentInformation().setTitle(doc.pharmacyName() + " – " + doc.title());
            new Writer(document, fonts.regular(), fonts.bold(), doc).write();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the debtors PDF", e);
        }
    }

    /** An amount as a cell shows it. */
    static String cell(BigDecimal amount) {
        return amount == null || amount.signum() == 0 ? ZERO : RandFormat.format(amount);
    }

    private static final class Writer {
        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private final Document doc;
        private final List<String[]> cells = new ArrayList<>();
        private final String[] totals;
        private float size = 8;
        private float[] widths;
        private PDPageContentStream content;
        private float y;
        private int row;

        Writer(PDDocument document, PDFont regular, PDFont bold, Document doc) {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            this.doc = doc;
            List<Column> columns = doc.columns();
            BigDecimal[] sums = new BigDecimal[columns.size()];
            for (ExportRow debtor : doc.debtors()) {
                String[] line = new String[columns.size()];
                for (int i = 0; i < columns.size(); i++) {
                    Column c = columns.get(i);
                    if (c.isAmount()) {
                        BigDecimal v = c.value().apply(debtor);
                        sums[i] = sums[i] == null ? zero(v) : sums[i].add(zero(v));
                        line[i] = cell(v);
                    } else {
                        line[i] = PdfText.printable(regular, c.text().apply(debtor));
                    }
                }
                cells.add(line);
            }
            totals = new String[columns.size()];
            int label = firstWrapping(columns);
            for (int i = 0; i < columns.size(); i++) {
                totals[i] = columns.get(i).isAmount()
                        ? RandFormat.format(sums[i] == null ? BigDecimal.ZERO : sums[i])
                        : i == label ? doc.totalsLabel() : "";
            }
        }

        void write() throws IOException {
            widths = widths();
            newPage(true);
            for (String[] line : cells) {
                row(line, regular, false);
            }
            totalsRow();
            content.close();
            footers();
        }

        // ---- column widths

        /** Widths from the content at 8 pt; a smaller size only if the columns cannot fit otherwise. */
        private float[] widths() {
            float available = PAGE.getWidth() - 2 * MARGIN;
            for (float candidate = 8; ; candidate -= 0.5f) {
                size = candidate;
                float[] w = widthsAt(available);
                if (w != null || candidate <= 6) {
                    return w != null ? w : widthsAt(Float.MAX_VALUE);
                }
            }
        }

        private float[] widthsAt(float available) {
            List<Column> columns = doc.columns();
            int n = columns.size();
            float[] natural = new float[n]; // widest cell, heading on one line
            float[] minimum = new float[n]; // what the column cannot go below
            for (int i = 0; i < n; i++) {
                Column c = columns.get(i);
                float widest = PdfText.width(bold, size, totals[i]);
                float longestWord = longestWord(bold, totals[i]);
                for (String[] line : cells) {
                    widest = Math.max(widest, PdfText.width(regular, size, line[i]));
                    if (c.wrap()) {
                        longestWord = Math.max(longestWord, Math.min(longestWord(regular, line[i]), 90));
                    }
                }
                float heading = PdfText.width(bold, size, c.heading());
                float headingWord = longestWord(bold, c.heading());
                if (c.isAmount()) {
                    minimum[i] = Math.max(widest, headingWord) + 2 * PAD;
                } else if (c.wrap()) {
                    minimum[i] = Math.max(Math.max(longestWord, headingWord), 60) + 2 * PAD;
                } else {
                    minimum[i] = Math.max(Math.min(widest, available / 5), headingWord) + 2 * PAD;
                }
                natural[i] = Math.max(Math.max(widest, heading) + 2 * PAD, minimum[i]);
            }
            float used = sum(minimum);
            if (used > available) {
                return null;
            }
            float[] w = minimum.clone();
            // first the fixed columns' headings on one line, then the wrapping columns up to their widest cell
            for (boolean wrapping : new boolean[] {false, true}) {
                for (int i = 0; i < n; i++) {
                    if (columns.get(i).wrap() == wrapping) {
                        float extra = Math.min(natural[i] - w[i], available - used);
                        w[i] += extra;
                        used += extra;
                    }
                }
            }
            // what is left widens the wrapping columns (names, notes), else every column alike
            float left = available - used;
            int wrapping = (int) columns.stream().filter(Column::wrap).count();
            for (int i = 0; i < n; i++) {
                if (wrapping > 0) {
                    w[i] += columns.get(i).wrap() ? left / wrapping : 0;
                } else {
                    w[i] += left / n;
                }
            }
            return w;
        }

        private float longestWord(PDFont font, String text) {
            float longest = 0;
            for (String word : text.split(" +")) {
                longest = Math.max(longest, PdfText.width(font, size, word));
            }
            return longest;
        }

        // ---- pages

        private void newPage(boolean first) throws IOException {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
            if (first) {
                float width = PAGE.getWidth() - 2 * MARGIN;
                y = lines(bold, 14, MARGIN, y, width, doc.pharmacyName(), false);
                y = lines(regular, 11, MARGIN, y - 2, width, doc.title(), false);
                y -= 4;
                for (String line : doc.about()) {
                    y = lines(regular, 8.5f, MARGIN, y, width, line, true);
                }
                y -= 8;
            } else {
                String running = doc.pharmacyName() + " – " + doc.title();
                y = lines(bold, 9, MARGIN, y, PAGE.getWidth() - 2 * MARGIN, running, false);
                y -= 6;
            }
            header();
            row = 0;
        }

        private void header() throws IOException {
            rule(y, 0.8f);
            y -= 3;
            List<List<String>> headings = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < widths.length; i++) {
                List<String> wrapped =
                        PdfText.wrap(bold, size, doc.columns().get(i).heading(), widths[i] - 2 * PAD);
                headings.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            float leading = size * 1.2f;
            // headings sit on the bottom line, so one-line headings line up with the last line of wrapped ones
            float lastBaseline = y - PdfText.ascent(bold, size) - (lines - 1) * leading;
            float x = MARGIN;
            for (int i = 0; i < widths.length; i++) {
                List<String> wrapped = headings.get(i);
                for (int l = 0; l < wrapped.size(); l++) {
                    float baseline = lastBaseline + (wrapped.size() - 1 - l) * leading;
                    draw(
                            bold,
                            x,
                            widths[i],
                            baseline,
                            wrapped.get(l),
                            doc.columns().get(i).isAmount());
                }
                x += widths[i];
            }
            y = lastBaseline - PdfText.descent(bold, size) - 3;
            rule(y, 0.8f);
        }

        private void row(String[] line, PDFont font, boolean totalsRow) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < widths.length; i++) {
                boolean amount = doc.columns().get(i).isAmount();
                List<String> parts = amount ? List.of(line[i]) : PdfText.wrap(font, size, line[i], widths[i] - 2 * PAD);
                wrapped.add(parts);
                lines = Math.max(lines, parts.size());
            }
            float leading = size * 1.25f;
            float height = lines * leading + 3;
            if (y - height < FOOTER + 4) {
                content.close();
                newPage(false);
            }
            if (totalsRow) {
                rule(y - 1.5f, 1f);
                y -= 3;
                shade(height, TOTALS_SHADE);
            } else if (row % 2 == 1) {
                shade(height, SHADE);
            }
            float firstBaseline = y - 1.5f - PdfText.ascent(font, size) - (leading - size) / 2;
            float x = MARGIN;
            for (int i = 0; i < widths.length; i++) {
                List<String> parts = wrapped.get(i);
                for (int l = 0; l < parts.size(); l++) {
                    draw(
                            font,
                            x,
                            widths[i],
                            firstBaseline - l * leading,
                            parts.get(l),
                            doc.columns().get(i).isAmount());
                }
                x += widths[i];
            }
            y -= height;
            row++;
        }

        private void totalsRow() throws IOException {
            row(totals, bold, true);
        }

        private void footers() throws IOException {
            int pages = document.getNumberOfPages();
            String left = doc.pharmacyName() + " · " + doc.title();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(
                        document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String label = "Page " + (i + 1) + " of " + pages;
                    float baseline = MARGIN / 2;
                    footer.setNonStrokingColor(GREY);
                    float labelWidth = PdfText.width(regular, 7, label);
                    List<String> fitted = PdfText.wrap(
                            regular,
                            7,
                            PdfText.printable(regular, left),
                            PAGE.getWidth() - 2 * MARGIN - labelWidth - 12);
                    PdfText.show(footer, regular, 7, MARGIN, baseline, fitted.get(0));
                    PdfText.showRight(footer, regular, 7, PAGE.getWidth() - MARGIN, baseline, label);
                }
            }
        }

        // ---- drawing

        private void draw(PDFont font, float x, float width, float baseline, String text, boolean right) {
            if (text.isEmpty()) {
                return;
            }
            if (right) {
                PdfText.showRight(content, font, size, x + width - PAD, baseline, text);
            } else {
                PdfText.show(content, font, size, x + PAD, baseline, text);
            }
        }

        /** Wrapped lines from {@code top} down; returns the top of what comes next. */
        private float lines(PDFont font, float fontSize, float x, float top, float width, String text, boolean grey)
                throws IOException {
            content.setNonStrokingColor(grey ? GREY : 0f);
            float leading = fontSize * 1.25f;
            float baseline = top - PdfText.ascent(font, fontSize);
            float bottom = top;
            for (String line : PdfText.wrap(font, fontSize, PdfText.printable(font, text), width)) {
                PdfText.show(content, font, fontSize, x, baseline, line);
                bottom = baseline - PdfText.descent(font, fontSize);
                baseline -= leading;
            }
            content.setNonStrokingColor(0f);
            return bottom - (leading - fontSize) / 2;
        }

        private void rule(float atY, float lineWidth) throws IOException {
            content.setLineWidth(lineWidth);
            content.moveTo(MARGIN, atY);
            content.lineTo(PAGE.getWidth() - MARGIN, atY);
            content.stroke();
        }

        private void shade(float height, float grey) throws IOException {
            content.setNonStrokingColor(grey);
            content.addRect(MARGIN, y - height, PAGE.getWidth() - 2 * MARGIN, height);
            content.fill();
            content.setNonStrokingColor(0f);
        }
    }

    private static int firstWrapping(List<Column> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).wrap()) {
                return i;
            }
        }
        return 0;
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
