package com.clinicsuite.imports.credit.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes .xlsx files part by part (raw zip writing), so a test can put anything in the sheet or the shared strings
 * table: addresses far beyond the data, declared sizes that lie, texts longer than Excel allows.
 */
public final class HostileSpreadsheets {

    /** The credit-balance header, as inline strings in row 1 (columns A to J). */
    public static final String HEADER_ROW = row(
            1,
            "Client Code",
            "Client Name",
            "Treatment Name",
            "Center",
            "Package Amount",
            "Amount Paid by the client",
            "Balance Amount",
            "Sessions Paid",
            "Sessions Consumed",
            "Balance Sessions");

    private HostileSpreadsheets() {}

    /** A valid data row {@code number} (inline strings and numbers), one record of client {@code code}. */
    public static String dataRow(int number, String code) {
        return "<row r=\"" + number + "\">" + inline("A" + number, code) + inline("B" + number, "Asha Verma")
                + inline("C" + number, "Laser") + inline("D" + number, "GK2") + num("E" + number, "1000")
                + num("F" + number, "600") + num("G" + number, "400") + num("H" + number, "10")
                + num("I" + number, "6") + num("J" + number, "4") + "</row>";
    }

    /** A row of inline-string cells from column A. */
    public static String row(int number, String... texts) {
        StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
        for (int i = 0; i < texts.length; i++) {
            row.append(inline((char) ('A' + i) + Integer.toString(number), texts[i]));
        }
        return row.append("</row>").toString();
    }

    public static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    public static String num(String ref, String value) {
        return "<c r=\"" + ref + "\"><v>" + value + "</v></c>";
    }

    /** A workbook of one sheet: {@code sheetXmlInside} goes between {@code <worksheet>} and its end. */
    public static Path workbook(Path file, String sheetName, String sheetXmlInside, String sharedStringsXml) {
        return workbook(
                file,
                sheetName,
                out -> out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\">"
                                + sheetXmlInside + "</worksheet>")
                        .getBytes(StandardCharsets.UTF_8)),
                sharedStringsXml == null ? null : out -> out.write(sharedStringsXml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes a part's content. */
    @FunctionalInterface
    public interface Part {
        void write(OutputStream out) throws IOException;
    }

    /** A workbook of one sheet whose sheet (and shared strings, if any) are written by the callers. */
    public static Path workbook(Path file, String sheetName, Part sheet, Part sharedStrings) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                            + (sharedStrings == null
                                    ? ""
                                    : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                            + "</Types>");
            put(
                    zip,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + RELS + "\">"
                            + "<Relationship Id=\"rId1\" Type=\"" + DOC_RELS
                            + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                            + "</Relationships>");
            put(
                    zip,
                    "xl/workbook.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
                            + "\" xmlns:r=\"" + DOC_RELS + "\"><sheets><sheet name=\"" + sheetName
                            + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                            + RELS + "\"><Relationship Id=\"rId1\" Type=\"" + DOC_RELS
                            + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                            + (sharedStrings == null
                                    ? ""
                                    : "<Relationship Id=\"rId2\" Type=\"" + DOC_RELS
                                            + "/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                            + "</Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            sheet.write(zip);
            zip.closeEntry();
            if (sharedStrings != null) {
                zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
                sharedStrings.write(zip);
                zip.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
