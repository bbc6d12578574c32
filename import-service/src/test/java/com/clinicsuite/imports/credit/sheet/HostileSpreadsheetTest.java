package com.clinicsuite.imports.credit.sheet;

import static com.clinicsuite.imports.credit.sheet.HostileSpreadsheets.HEADER_ROW;
import static com.clinicsuite.imports.credit.sheet.HostileSpreadsheets.dataRow;
import static com.clinicsuite.imports.credit.sheet.HostileSpreadsheets.inline;
import static com.clinicsuite.imports.credit.sheet.HostileSpreadsheets.num;
import static com.clinicsuite.imports.credit.sheet.HostileSpreadsheets.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicsuite.imports.credit.parse.CreditRow;
import com.clinicsuite.imports.credit.parse.CreditSheet;
import com.clinicsuite.imports.credit.parse.CreditSheetParser;
import com.clinicsuite.imports.credit.sheet.UnreadableSpreadsheetException.Problem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile spreadsheets, written in the test: addresses and declared sizes never size an allocation, texts longer than
 * Excel allows and tables too large for memory are refused, a zip entry over the size limit is refused, and a CSV of
 * one 100 MB line is read without holding it. Memory is checked as the bytes this thread allocated (a counter).
 */
class HostileSpreadsheetTest {

    private static final long MB = 1024 * 1024;

    private final CreditSheetParser parser = new CreditSheetParser(CreditSheetParser.Limits.DEFAULT);

    @TempDir
    Path tmp;

    @Test
    void aCellFarBeyondTheDataAllocatesNothingByItsAddress() {
        Path file = workbook(
                tmp.resolve("far.xlsx"),
                "Sheet1",
                "<dimension ref=\"A1:XFD1048576\"/><sheetData>"
                        + HEADER_ROW.replace("</row>", inline("XFD1", "stray") + "</row>")
                        + dataRow(2, "C1")
                        + "<row r=\"1048576\">" + inline("XFD1048576", "far away") + inline("ZZZZZZZZZZ1048576", "x")
                        + "</row></sheetData>",
                null);

        AtomicInteger widest = new AtomicInteger();
        List<Integer> rows = new ArrayList<>();
        long allocated = allocatedBy(() -> SpreadsheetFormat.XLSX
                .reader(SheetLimits.DEFAULT)
                .read(file, "far.xlsx", (sheet, row, cells) -> {
                    widest.accumulateAndGet(cells.length, Math::max);
                    rows.add(row);
                    return RowSink.Next.CONTINUE;
                }));

        assertThat(widest.get()).isLessThanOrEqualTo(SheetLimits.DEFAULT.maxColumns());
        assertThat(rows).containsExactly(1, 2, 1048576);
        assertThat(allocated).isLessThan(16 * MB);
        CreditSheet sheet = parser.parse(file, "far.xlsx", CreditSheetParser.Progress.NONE);
        assertThat(sheet.rowsAccepted()).isEqualTo(1);
    }

    @Test
    void declaredSharedStringCountsAreIgnored() {
        Path file = workbook(
                tmp.resolve("counts.xlsx"),
                "Sheet1",
                "<sheetData>" + HEADER_ROW + "<row r=\"2\">" + "<c r=\"A2\" t=\"s\"><v>0</v></c>"
                        + "<c r=\"B2\" t=\"s\"><v>1</v></c>" + inline("C2", "Laser") + inline("D2", "GK2")
                        + num("E2", "1000") + num("F2", "600") + num("G2", "400") + num("H2", "10") + num("I2", "6")
                        + num("J2", "4") + "</row></sheetData>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
                        + "spreadsheetml/2006/main\" count=\"99999999999999999999\" uniqueCount=\"2147483647\">"
                        + "<si><t>c42</t></si><si><r><t>Asha </t></r><r><t>Verma</t></r>"
                        + "<rPh><t>ignored</t></rPh></si></sst>");

        Runnable read = () -> {
            CreditSheet sheet = parser.parse(file, "counts.xlsx", CreditSheetParser.Progress.NONE, row -> {
                assertThat(row.clientCode()).isEqualTo("C42");
                assertThat(row.clientName()).isEqualTo("Asha Verma");
            });
            assertThat(sheet.rowsAccepted()).isEqualTo(1);
        };
        read.run(); // POI's first use loads its XML schema types: measured on the second read
        assertThat(allocatedBy(read)).isLessThan(16 * MB);
    }

    @Test
    void aSharedStringsTableTooLargeForMemoryIsRefused() {
        Path file = workbook(
                tmp.resolve("strings.xlsx"),
                "Sheet1",
                out -> out.write(
                        ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                                        + HEADER_ROW + "</sheetData></worksheet>")
                                .getBytes(StandardCharsets.UTF_8)),
                out -> {
                    out.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            .getBytes(StandardCharsets.UTF_8));
                    Random random = new Random(7);
                    for (int i = 0; i < 200_000; i++) { // 200,000 strings of 20 characters: ~17 MB estimated
                        out.write(("<si><t>" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + i + "</t></si>")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    out.write("</sst>".getBytes(StandardCharsets.UTF_8));
                });
        CreditSheetParser tenMegabytes = parser(new SheetLimits(256, 10 * MB));

        assertThatThrownBy(() -> tenMegabytes.probe(file, "strings.xlsx"))
                .isInstanceOfSatisfying(
                        UnreadableSpreadsheetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE))
                .hasMessageContaining("shared strings) needs more than 10 MB");
        // within the default limit the same table is read
        parser.probe(file, "strings.xlsx");
    }

    @Test
    void aSharedStringLongerThanExcelAllowsIsRefused() {
        Path file = workbook(
                tmp.resolve("long-string.xlsx"),
                "Sheet1",
                "<sheetData>" + HEADER_ROW + "</sheetData>",
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>" + "x".repeat(40_000)
                        + "</t></si></sst>");

        assertThatThrownBy(() -> parser.probe(file, "long-string.xlsx"))
                .isInstanceOfSatisfying(
                        UnreadableSpreadsheetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE))
                .hasMessageContaining("more than 32767 characters");
    }

    @Test
    void anInlineCellLongerThanExcelAllowsIsRefused() {
        Path file = workbook(
                tmp.resolve("long-cell.xlsx"),
                "Sheet1",
                "<sheetData>" + HEADER_ROW + "<row r=\"2\">" + inline("A2", "y".repeat(1_000_000))
                        + "</row></sheetData>",
                null);

        assertThatThrownBy(() -> parser.parse(file, "long-cell.xlsx", CreditSheetParser.Progress.NONE))
                .isInstanceOfSatisfying(
                        UnreadableSpreadsheetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE))
                .hasMessageContaining("row 2 has a cell of more than 32767 characters");
    }

    @Test
    void aNumberWithAHugeExponentIsKeptAsStoredInsteadOfWrittenOut() {
        Path file = workbook(
                tmp.resolve("exponent.xlsx"),
                "Sheet1",
                "<sheetData>" + HEADER_ROW + "<row r=\"2\">" + num("A2", "1E999999999") + num("B2", "1E-999999999")
                        + "</row></sheetData>",
                null);
        List<String> cells = new ArrayList<>();
        long allocated = allocatedBy(() -> SpreadsheetFormat.XLSX
                .reader(SheetLimits.DEFAULT)
                .read(file, "exponent.xlsx", (sheet, row, values) -> {
                    if (row == 2) {
                        cells.addAll(List.of(values));
                    }
                    return RowSink.Next.CONTINUE;
                }));
        assertThat(cells).containsExactly("1E999999999", "1E-999999999");
        assertThat(allocated).isLessThan(16 * MB);
    }

    @Test
    void malformedAddressesAndIndexesAreDamageNotACrash() {
        Path badRow = workbook(
                tmp.resolve("bad-row.xlsx"),
                "Sheet1",
                "<sheetData>" + HEADER_ROW + "<row r=\"99999999999999\">" + inline("A2", "x") + "</row></sheetData>",
                null);
        Path badIndex = workbook(
                tmp.resolve("bad-index.xlsx"),
                "Sheet1",
                "<sheetData>" + HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>12345</v></c></row></sheetData>",
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>a</t></si></sst>");

        for (Path file : List.of(badRow, badIndex)) {
            assertThatThrownBy(() -> parser.parse(file, "x.xlsx", CreditSheetParser.Progress.NONE))
                    .as(file.getFileName().toString())
                    .isInstanceOfSatisfying(
                            UnreadableSpreadsheetException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.CORRUPT));
        }
    }

    @Test
    void anEntryLargerThanTheEntryLimitIsRefusedAsAZipBomb() {
        // random digits compress to about half: far above the inflate-ratio guard, so only the size limit catches it
        Path file = workbook(
                tmp.resolve("big-entry.xlsx"),
                "Sheet1",
                out -> {
                    out.write(
                            ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                                            + HEADER_ROW)
                                    .getBytes(StandardCharsets.UTF_8));
                    Random random = new Random(11);
                    for (int row = 2; row < 40_000; row++) {
                        out.write(dataRow(row, "C" + random.nextInt(1_000_000)).getBytes(StandardCharsets.UTF_8));
                    }
                    out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                },
                null);
        long before = ZipSecureFile.getMaxEntrySize();
        ZipSecureFile.setMaxEntrySize(MB); // JVM-wide in POI: restored below
        try {
            assertThatThrownBy(() -> parser.parse(file, "big-entry.xlsx", CreditSheetParser.Progress.NONE))
                    .isInstanceOfSatisfying(
                            UnreadableSpreadsheetException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE))
                    .hasMessageContaining("expands far beyond its size");
        } finally {
            ZipSecureFile.setMaxEntrySize(before);
        }
        assertThat(parser.parse(file, "big-entry.xlsx", CreditSheetParser.Progress.NONE)
                        .rowsAccepted())
                .isEqualTo(39_998);
    }

    @Test
    void aVeryLongSheetNameIsCutToExcelsLimit() {
        Path file = workbook(
                tmp.resolve("name.xlsx"),
                "S".repeat(5_000),
                "<sheetData>" + HEADER_ROW + dataRow(2, "C7") + "</sheetData>",
                null);
        List<CreditRow> rows = new ArrayList<>();
        parser.parse(file, "name.xlsx", CreditSheetParser.Progress.NONE, rows::add);
        assertThat(rows)
                .singleElement()
                .satisfies(row -> assertThat(row.sheet()).isEqualTo("S".repeat(31)));
    }

    @Test
    void aCsvOfOneHundredMegabyteLineIsReadWithoutHoldingIt() throws IOException {
        Path csv = tmp.resolve("long-line.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Client Code,Client Name,Treatment Name,Center,Package Amount,Amount Paid by the client,"
                    + "Balance Amount,Sessions Paid,Sessions Consumed,Balance Sessions\n");
            out.write("C1,Asha Verma,Laser,GK2,1000,600,400,10,6,4");
            char[] fields = ",x".repeat(512 * 1024).toCharArray(); // 1 MB
            for (int i = 0; i < 100; i++) {
                out.write(fields);
            }
            out.write("\nC2,Ravi Kumar,Laser,GK2,1000,600,400,10,6,4\n");
        }
        assertThat(Files.size(csv)).isGreaterThan(100 * MB);

        AtomicInteger widest = new AtomicInteger();
        long allocated = allocatedBy(() -> SpreadsheetFormat.CSV
                .reader(SheetLimits.DEFAULT)
                .read(csv, "long-line.csv", (sheet, row, cells) -> {
                    widest.accumulateAndGet(cells.length, Math::max);
                    return RowSink.Next.CONTINUE;
                }));
        assertThat(widest.get()).isEqualTo(SheetLimits.DEFAULT.maxColumns());
        assertThat(allocated).as("bytes allocated reading 100 MB").isLessThan(32 * MB);
        assertThat(parser.parse(csv, "long-line.csv", CreditSheetParser.Progress.NONE)
                        .rowsAccepted())
                .isEqualTo(2);
    }

    @Test
    void aCsvOfOneHundredMegabyteFieldIsRefused() throws IOException {
        Path csv = tmp.resolve("long-field.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Client Code,Client Name\n\"");
            char[] block = "x".repeat(1024 * 1024).toCharArray();
            for (int i = 0; i < 100; i++) {
                out.write(block);
            }
            out.write("\"\n");
        }
        long allocated = allocatedBy(() -> assertThatThrownBy(() -> SpreadsheetFormat.CSV
                        .reader(SheetLimits.DEFAULT)
                        .read(csv, "long-field.csv", (sheet, row, cells) -> RowSink.Next.CONTINUE))
                .isInstanceOf(UnreadableSpreadsheetException.class)
                .hasMessageContaining("field longer than 32767 characters"));
        assertThat(allocated).isLessThan(32 * MB);
    }

    private static CreditSheetParser parser(SheetLimits limits) {
        CreditSheetParser.Limits defaults = CreditSheetParser.Limits.DEFAULT;
        return new CreditSheetParser(new CreditSheetParser.Limits(
                defaults.maxRows(), defaults.maxIssues(), defaults.headerSearchRows(), limits));
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
