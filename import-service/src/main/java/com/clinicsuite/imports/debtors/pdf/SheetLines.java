package com.clinicsuite.imports.debtors.pdf;

import com.clinicsuite.imports.credit.sheet.RowSink;
import com.clinicsuite.imports.credit.sheet.SheetLimits;
import com.clinicsuite.imports.credit.sheet.SpreadsheetFormat;
import com.clinicsuite.imports.credit.sheet.UnreadableSpreadsheetException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A spreadsheet age analysis (.xlsx, .xls, .csv) as the lines of a printed one, so one reader serves both: each
 * row is a line, each non-blank cell a cell of tokens placed at {@code column x 100} points (the "x position" of a
 * sheet is its column). Numeric cells under an amount heading get their two decimals ({@code 18730.7} reads as
 * {@code 18730.70}); a blank cell under an amount heading reads as zero. Rows are handed over in pages of
 * {@value #ROWS_PER_PAGE}, numbered by their sheet: a sheet is a page. Uses the credit import's streaming readers
 * (imports/credit/sheet).
 */
public final class SheetLines {

    /** Points per column: a cell's tokens never reach the next column. */
    public static final float COLUMN_WIDTH = 100f;

    private static final int ROWS_PER_PAGE = 500;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:E-?\\d+)?");

    private SheetLines() {}

    /**
     * Reads {@code file} into {@code sink}; returns the number of sheets with rows (the report's "pages").
     *
     * @throws ReportRejectedException {@code NOT_A_PDF} when the file is no spreadsheet either, {@code TOO_LARGE},
     *     {@code UNREADABLE} (damaged, encrypted)
     */
    public static int read(Path file, String filename, SheetLimits limits, PdfTextLayer.PageSink sink)
            throws ReportRejectedException {
        return read(file, filename, limits, ColumnMap.NONE, sink);
    }

    /** As {@link #read(Path, String, SheetLimits, PdfTextLayer.PageSink)}; the map's amount headings count too. */
    public static int read(
            Path file, String filename, SheetLimits limits, ColumnMap columnMap, PdfTextLayer.PageSink sink)
            throws ReportRejectedException {
        Collector collector = new Collector(sink, columnMap);
        try {
            SpreadsheetFormat format = SpreadsheetFormat.detect(file, filename);
            format.reader(limits).read(file, filename, collector);
            collector.flush();
        } catch (UnreadableSpreadsheetException e) {
            throw new ReportRejectedException(
                    switch (e.problem()) {
                        case NOT_A_SPREADSHEET -> ReportRejectedException.Reason.NOT_A_PDF;
                        case TOO_LARGE -> ReportRejectedException.Reason.TOO_LARGE;
                        default -> ReportRejectedException.Reason.UNREADABLE;
                    },
                    e.problem() == UnreadableSpreadsheetException.Problem.NOT_A_SPREADSHEET
                            ? "The file is not a PDF and not a spreadsheet (" + e.getMessage() + "). Upload the "
                                    + "debtors age analysis exported as PDF, .xlsx, .xls or .csv."
                            : "The spreadsheet cannot be read: " + e.getMessage() + ".",
                    e);
        } catch (Failure e) {
            throw e.rejection;
        }
        if (!collector.sawCells) {
            throw new ReportRejectedException(
                    ReportRejectedException.Reason.INVALID_CONTENT, "The spreadsheet is empty.");
        }
        return collector.pages;
    }

    /** The row as a line: its cells' words as tokens, column by column. */
    static TextLine line(String[] cells, boolean[] amountColumn) {
        List<TextToken> tokens = new ArrayList<>();
        int columns = Math.max(cells.length, amountColumn == null ? 0 : amountColumn.length);
        for (int c = 0; c < columns; c++) { // a row may stop before its trailing blank cells
            String text = c >= cells.length || cells[c] == null ? "" : cells[c].strip();
            boolean amount = amountColumn != null && c < amountColumn.length && amountColumn[c];
            if (text.isEmpty()) {
                if (!amount) {
                    continue;
                }
                text = "-";
            } else if (amount && PLAIN_NUMBER.matcher(text).matches()) {
                text = twoDecimals(text);
            }
            float x = c * COLUMN_WIDTH;
            int cell = c + 1;
            for (String word : text.split("\\s+")) {
                float width = Math.min(word.length(), 80) * 0.5f;
                tokens.add(new TextToken(word, x, x + width, cell));
                x += width + 0.5f;
            }
        }
        return new TextLine(tokens);
    }

    private static String twoDecimals(String number) {
        try {
            BigDecimal value = new BigDecimal(number);
            // more than cents (a formula's 0.1 + 0.2) stays as it is and is refused by the amount reader
            return value.stripTrailingZeros().scale() <= 2 ? value.setScale(2).toPlainString() : number;
        } catch (NumberFormatException e) {
            return number;
        }
    }

    /** Collects rows into pages; learns the amount columns from the heading row. */
    private static final class Collector implements RowSink {
        private final PdfTextLayer.PageSink sink;
        private final List<TextLine> page = new ArrayList<>();
        private String sheet;
        private boolean[] amountColumns;
        private int pages;
        private boolean sawCells;

        private final ColumnMap columnMap;

        Collector(PdfTextLayer.PageSink sink, ColumnMap columnMap) {
            this.sink = sink;
            this.columnMap = columnMap;
        }

        @Override
        public Next row(String sheetName, int rowNumber, String[] cells) {
            if (pages == 0 || !java.util.Objects.equals(sheetName, sheet)) {
                flush();
                amountColumns = null;
                sheet = sheetName;
                pages++;
            }
            TextLine line = line(cells, amountColumns);
            if (line.size() == 0) {
                return Next.CONTINUE;
            }
            sawCells = true;
            if (amountColumns == null && looksLikeHeading(cells)) {
                amountColumns = new boolean[cells.length];
                for (int c = 0; c < cells.length; c++) {
                    amountColumns[c] = cells[c] != null && isAmount(cells[c]);
                }
            }
            page.add(line);
            if (page.size() >= ROWS_PER_PAGE) {
                flush();
            }
            return Next.CONTINUE;
        }

        void flush() {
            if (page.isEmpty()) {
                return;
            }
            try {
                sink.page(pages, List.copyOf(page));
            } catch (ReportRejectedException e) {
                throw new Failure(e);
            }
            page.clear();
        }

        private boolean isAmount(String cell) {
            return columnMap.isAmountHeading(cell) || ColumnLayout.isAmountHeading(cell);
        }

        private boolean looksLikeHeading(String[] cells) {
            int amounts = 0;
            for (String cell : cells) {
                if (cell != null && isAmount(cell)) {
                    amounts++;
                }
            }
            return amounts >= 3;
        }
    }

    /** Carries a rejection out of the row callback. */
    private static final class Failure extends RuntimeException {
        final ReportRejectedException rejection;

        Failure(ReportRejectedException rejection) {
            super(rejection.getMessage(), null, false, false);
            this.rejection = rejection;
        }
    }
}
