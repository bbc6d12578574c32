package com.clinicsuite.imports.credit.parse;

import com.clinicsuite.imports.credit.sheet.RowSink;
import com.clinicsuite.imports.credit.sheet.SheetLimits;
import com.clinicsuite.imports.credit.sheet.SpreadsheetFormat;
import com.clinicsuite.imports.credit.sheet.UnreadableSpreadsheetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a credit-balance file (xlsx, xls or csv) into validated rows. In every sheet it looks for the header row
 * among the first rows (titles may sit above it), then reads the data rows below, skipping blank, section and total
 * rows and repeated headers. A sheet without a header (notes, a chart) is skipped with a note; a header without a
 * required column refuses the whole file.
 */
public final class CreditSheetParser {

    /**
     * @param maxRows          more data rows than this refuse the file (memory stays bounded)
     * @param maxIssues        issues kept for the report; the rest are only counted
     * @param headerSearchRows non-blank rows of a sheet searched for its header
     * @param sheet            what reading the file may allocate (columns, shared strings)
     */
    public record Limits(int maxRows, int maxIssues, int headerSearchRows, SheetLimits sheet) {
        public static final Limits DEFAULT = new Limits(200_000, 1_000, 30);

        public Limits(int maxRows, int maxIssues, int headerSearchRows) {
            this(maxRows, maxIssues, headerSearchRows, SheetLimits.DEFAULT);
        }
    }

    /** Told how far the reading is, every {@link #PROGRESS_EVERY} data rows and at the end. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (total, accepted, rejected) -> {};

        void update(int rowsTotal, int rowsAccepted, int rowsRejected);
    }

    static final int PROGRESS_EVERY = 1_000;
    /** A row with fewer filled known columns is a section heading ("Punjabi Bagh", "March 2025"), not data. */
    private static final int MIN_FILLED_FOR_DATA = 3;

    private static final Pattern TOTAL = Pattern.compile("(?i)^(grand\\s*|sub[\\s-]*)?totals?\\b.*");

    private final Limits limits;

    public CreditSheetParser(Limits limits) {
        this.limits = limits;
    }

    /**
     * Checks, cheaply, that the file opens and that every sheet's header has the required columns, reading only the
     * first rows of each sheet. Lets an upload be refused before a job is created for it.
     *
     * @throws UnreadableSpreadsheetException when the file cannot be read
     * @throws MissingColumnsException        when a required column is missing
     */
    public void probe(Path file, String filename) {
        HeaderFinder finder = new HeaderFinder();
        SpreadsheetFormat.detect(file, filename)
                .reader(limits.sheet())
                .read(file, filename, (sheet, rowNumber, cells) -> {
                    finder.sheet(sheet);
                    return finder.header == null && finder.offer(rowNumber, cells) == null
                            ? finder.next()
                            : RowSink.Next.SKIP_REST_OF_SHEET;
                });
        finder.finish();
    }

    /**
     * Reads the whole file.
     *
     * @throws UnreadableSpreadsheetException when the file cannot be read, or holds more than {@code maxRows}
     * @throws MissingColumnsException        when a required column is missing
     */
    public CreditSheet parse(Path file, String filename, Progress progress) {
        List<CreditRow> rows = new ArrayList<>();
        CreditSheet sheet = parse(file, filename, progress, rows::add);
        return new CreditSheet(
                rows,
                sheet.issues(),
                sheet.issuesOmitted(),
                sheet.rowsTotal(),
                sheet.rowsAccepted(),
                sheet.rowsRejected());
    }

    /**
     * Reads the whole file, handing each accepted row to {@code accepted} as soon as it is read instead of keeping
     * it: memory stays at what the consumer keeps. The result's {@code rows} is empty.
     *
     * @throws UnreadableSpreadsheetException when the file cannot be read, or holds more than {@code maxRows}
     * @throws MissingColumnsException        when a required column is missing
     */
    public CreditSheet parse(Path file, String filename, Progress progress, Consumer<CreditRow> accepted) {
        Collector collector = new Collector(progress, accepted);
        SpreadsheetFormat.detect(file, filename).reader(limits.sheet()).read(file, filename, collector);
        collector.finder.finish();
        collector.addSkippedSheetNotes();
        progress.update(collector.total, collector.accepted, collector.rejected);
        return new CreditSheet(
                List.of(),
                collector.issues,
                collector.issuesOmitted,
                collector.total,
                collector.accepted,
                collector.rejected);
    }

    /** Finds each sheet's header row and notes the sheets that have none. */
    private final class HeaderFinder {
        String sheet;
        ColumnMap header;
        int examined;
        boolean anyHeader;
        final List<RowIssue> skippedSheets = new ArrayList<>();

        /** Called with every row: starts over when the reader moved on to the next sheet. */
        void sheet(String name) {
            if (!Objects.equals(name, sheet)) {
                endSheet();
                sheet = name;
                header = null;
                examined = 0;
            }
        }

        /** Looks at a row above the header; returns the header once found (and checks it), else null. */
        ColumnMap offer(int rowNumber, String[] cells) {
            if (isBlank(cells)) {
                return null;
            }
            examined++;
            ColumnMap candidate = ColumnMap.fromHeaderCells(cells);
            if (!candidate.looksLikeHeader()) {
                return null;
            }
            List<CreditColumn> missing = candidate.missingRequired();
            if (!missing.isEmpty()) {
                throw MissingColumnsException.missing(missing, sheet, rowNumber);
            }
            header = candidate;
            anyHeader = true;
            return header;
        }

        /** Whether to keep looking in this sheet. */
        RowSink.Next next() {
            return examined >= limits.headerSearchRows() ? RowSink.Next.SKIP_REST_OF_SHEET : RowSink.Next.CONTINUE;
        }

        private void endSheet() {
            if (sheet != null && header == null) {
                skippedSheets.add(new RowIssue(
                        sheet,
                        null,
                        null,
                        "sheet skipped: no header row with the credit-balance columns found",
                        false));
            }
        }

        void finish() {
            endSheet();
            sheet = null;
            if (!anyHeader) {
                throw MissingColumnsException.noHeader(limits.headerSearchRows());
            }
        }
    }

    /** Normalises the data rows of every sheet, handing on the accepted ones and keeping the issues. */
    private final class Collector implements RowSink {
        final HeaderFinder finder = new HeaderFinder();
        final Progress progress;
        final Consumer<CreditRow> acceptedRows;
        final List<RowIssue> issues = new ArrayList<>();
        int issuesOmitted;
        int total;
        int accepted;
        int rejected;
        int notedSkippedSheets;

        Collector(Progress progress, Consumer<CreditRow> acceptedRows) {
            this.progress = progress;
            this.acceptedRows = acceptedRows;
        }

        @Override
        public Next row(String sheet, int rowNumber, String[] cells) {
            finder.sheet(sheet);
            addSkippedSheetNotes();
            if (finder.header == null) {
                finder.offer(rowNumber, cells);
                return finder.header == null ? finder.next() : Next.CONTINUE;
            }
            ColumnMap columns = finder.header;
            int filled = columns.filledCount(cells);
            if (filled < MIN_FILLED_FOR_DATA || isTotal(cells) || isRepeatedHeader(columns, cells)) {
                return Next.CONTINUE;
            }
            total++;
            if (total > limits.maxRows()) {
                throw new UnreadableSpreadsheetException(
                        UnreadableSpreadsheetException.Problem.TOO_LARGE,
                        "The file has more than " + limits.maxRows() + " data rows; split it into smaller files");
            }
            CreditRowNormaliser.Result result = CreditRowNormaliser.normalise(sheet, rowNumber, cells, columns);
            if (result.row() != null) {
                accepted++;
                acceptedRows.accept(result.row());
            } else {
                rejected++;
            }
            for (RowIssue issue : result.issues()) {
                keep(issue);
            }
            if (total % PROGRESS_EVERY == 0) {
                progress.update(total, accepted, rejected);
            }
            return Next.CONTINUE;
        }

        private void addSkippedSheetNotes() {
            while (notedSkippedSheets < finder.skippedSheets.size()) {
                keep(finder.skippedSheets.get(notedSkippedSheets++));
            }
        }

        private void keep(RowIssue issue) {
            if (issues.size() < limits.maxIssues()) {
                issues.add(issue);
            } else {
                issuesOmitted++;
            }
        }
    }

    private static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** "Total", "Grand Total", "Sub-total Punjabi Bagh" in one of the row's first filled cells. */
    private static boolean isTotal(String[] cells) {
        int looked = 0;
        for (int i = 0; i < cells.length && looked < 2; i++) {
            if (cells[i] != null && !cells[i].isBlank()) {
                looked++;
                String text = cells[i].strip();
                char first = Character.toLowerCase(text.charAt(0));
                // a cheap first-letter test spares the regex for nearly every row
                if ((first == 't' || first == 'g' || first == 's')
                        && TOTAL.matcher(text).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A header repeated further down (sheets pasted together); checked only when the code cell reads like one. */
    private static boolean isRepeatedHeader(ColumnMap columns, String[] cells) {
        String code = columns.text(cells, CreditColumn.CLIENT_CODE);
        return code != null
                && CreditColumn.forHeading(code).isPresent()
                && ColumnMap.fromHeaderCells(cells).looksLikeHeader();
    }
}
