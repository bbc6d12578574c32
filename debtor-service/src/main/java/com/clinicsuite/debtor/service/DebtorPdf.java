package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.repository.ExportRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The debtors report as a landscape A4 PDF: title block (pharmacy, date, buckets), a table whose header repeats
 * on every page, a totals row and "Page n of m". DejaVu Sans is embedded (subset) so accented names print.
 * Written page of rows by page of rows ({@link Report}); CPU-bound and blocking: call it from a worker thread.
 */
public final class DebtorPdf {

    /** Column keys {@code col_names} may rename, besides the bucket keys. */
    public static final List<String> TEXT_COLUMNS = List.of("acc_no", "name", "balance", "phone");

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 30;
    private static final float FONT_SIZE = 8;
    private static final float ROW = 12;

    private record Column(
            String key,
            String heading,
            float width,
            boolean amount,
            Function<ExportRow, String> text,
            Function<ExportRow, BigDecimal> value) {}

    private DebtorPdf() {}

    /**
     * One PDF being written: {@link #add} pages of rows as they are read, then {@link #finish}. The document's
     * streams live in a scratch file, not the heap; only the page tree and the font subset stay in memory. Not
     * thread-safe: one thread at a time (successive worker threads are fine).
     */
    public static final class Report implements AutoCloseable {

        private final String pharmacyName;
        private final List<AgeingBucket> buckets;
        private final Map<String, String> columnNames;
        private final LocalDate date;
        private final List<Column> columns;
        private final BigDecimal[] totals;
        private PDDocument document;
        private Writer writer;
        private long accounts;

        public Report(
                String pharmacyName, List<AgeingBucket> buckets, Map<String, String> columnNames, LocalDate date) {
            this.pharmacyName = pharmacyName;
            this.buckets = buckets;
            this.columnNames = columnNames;
            this.date = date;
            this.columns = columns(buckets, columnNames);
            this.totals = new BigDecimal[columns.size()];
        }

        /** Adds rows below the ones added before (the title block and headings come first). */
        public void add(List<ExportRow> debtors) {
            try {
                start();
                for (ExportRow debtor : debtors) {
                    List<String> cells = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        Column c = columns.get(i);
                        if (c.amount()) {
                            BigDecimal v = c.value().apply(debtor);
                            totals[i] = totals[i] == null ? v : totals[i].add(v);
                            cells.add(v.toPlainString());
                        } else {
                            cells.add(c.text().apply(debtor));
                        }
                    }
                    writer.row(cells, false);
                    accounts++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the debtors PDF", e);
            }
        }

        /** The totals row, page numbers, and the document's bytes. */
        public byte[] finish() {
            try {
                start();
                List<String> totalCells = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).amount()) {
                        totalCells.add(totals[i] == null ? "0.00" : totals[i].toPlainString());
                    } else {
                        totalCells.add(i == 1 ? "Totals (" + accounts + " accounts)" : "");
                    }
                }
                writer.row(totalCells, true);
                writer.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the debtors PDF", e);
            }
        }

        @Override
        public void close() {
            if (document != null) {
                try {
                    document.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not close the debtors PDF", e);
                } finally {
                    document = null;
                }
            }
        }

        /** Opens the document on first use, so that its files are made on the thread that renders. */
        private void start() throws IOException {
            if (document != null) {
                return;
            }
            document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
            PDType0Font regular;
            PDType0Font bold;
            try (InputStream regularTtf = DebtorPdf.class.getResourceAsStream("/fonts/DejaVuSans.ttf");
                    InputStream boldTtf = DebtorPdf.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf")) {
                regular = PDType0Font.load(document, regularTtf);
                bold = PDType0Font.load(document, boldTtf);
            }
            writer = new Writer(document, regular, bold, columns);
            writer.title(
                    pharmacyName,
                    date,
                    buckets.stream()
                            .map(b -> heading(b.key(), b.heading(), columnNames))
                            .collect(Collectors.joining(", ")));
        }
    }

    private static List<Column> columns(List<AgeingBucket> buckets, Map<String, String> names) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("acc_no", heading("acc_no", "Account No", names), 55, false, ExportRow::accNo, null));
        float bucketWidth = 62;
        float fixed = 55 + 70 + 80 + bucketWidth * buckets.size();
        float nameWidth = PAGE.getWidth() - 2 * MARGIN - fixed;
        columns.add(new Column("name", heading("name", "Name", names), nameWidth, false, ExportRow::name, null));
        for (AgeingBucket b : buckets) {
            columns.add(new Column(
                    b.key(), heading(b.key(), b.heading(), names), bucketWidth, true, null, d -> d.amount(b)));
        }
        columns.add(new Column("balance", heading("balance", "Balance", names), 70, true, null, ExportRow::balance));
        columns.add(new Column(
                "phone", heading("phone", "Phone", names), 80, false, d -> d.phone() == null ? "" : d.phone(), null));
        return columns;
    }

    private static String heading(String key, String fallback, Map<String, String> names) {
        String custom = names == null ? null : names.get(key);
        return custom == null || custom.isBlank() ? fallback : custom;
    }

    /** Lays rows out page by page, repeating the table header; page numbers are added once the count is known. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final List<Column> columns;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, PDType0Font regular, PDType0Font bold, List<Column> columns) {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            this.columns = columns;
        }

        void title(String pharmacyName, LocalDate date, String buckets) throws IOException {
            newPage();
            y = PAGE.getHeight() - MARGIN;
            text(bold, 14, MARGIN, y - 14, pharmacyName);
            text(regular, 10, MARGIN, y - 30, "Debtors age analysis, " + date);
            text(regular, 10, MARGIN, y - 44, "Ageing buckets: " + buckets);
            y -= 60;
            header();
        }

        void row(List<String> cells, boolean emphasised) throws IOException {
            if (y - ROW < MARGIN + ROW) {
                content.close();
                newPage();
                header();
            }
            cells(cells, emphasised ? bold : regular);
        }

        void finish() throws IOException {
            content.close();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(
                        document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true)) {
                    String label = "Page " + (i + 1) + " of " + pages;
                    float width = regular.getStringWidth(label) / 1000 * FONT_SIZE;
                    footer.beginText();
                    footer.setFont(regular, FONT_SIZE);
                    footer.newLineAtOffset(PAGE.getWidth() - MARGIN - width, MARGIN / 2);
                    footer.showText(label);
                    footer.endText();
                }
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        private void header() throws IOException {
            cells(columns.stream().map(Column::heading).toList(), bold);
            content.moveTo(MARGIN, y + 3);
            content.lineTo(PAGE.getWidth() - MARGIN, y + 3);
            content.stroke();
        }

        private void cells(List<String> cells, PDType0Font font) throws IOException {
            y -= ROW;
            float x = MARGIN;
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                String cell = fit(printable(font, cells.get(i)), font, c.width() - 4);
                float width = font.getStringWidth(cell) / 1000 * FONT_SIZE;
                text(font, FONT_SIZE, c.amount() ? x + c.width() - 4 - width : x, y, cell);
                x += c.width();
            }
        }

        private void text(PDType0Font font, float size, float x, float atY, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(printable(font, text));
            content.endText();
        }

        /** Cuts a cell to its column, marking the cut with an ellipsis. */
        private static String fit(String text, PDType0Font font, float width) throws IOException {
            if (font.getStringWidth(text) / 1000 * FONT_SIZE <= width) {
                return text;
            }
            String cut = text;
            while (!cut.isEmpty() && font.getStringWidth(cut + "…") / 1000 * FONT_SIZE > width) {
                cut = cut.substring(0, cut.length() - 1);
            }
            return cut + "…";
        }

        /** Control characters and glyphs the font lacks would abort the document: print them as spaces / '?'. */
        private static String printable(PDType0Font font, String text) {
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
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }
}
