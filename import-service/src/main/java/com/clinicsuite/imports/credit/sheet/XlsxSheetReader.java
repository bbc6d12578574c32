package com.clinicsuite.imports.credit.sheet;

import com.clinicsuite.imports.credit.sheet.UnreadableSpreadsheetException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads {@code .xlsx} sheet by sheet with SAX over the sheet XML (POI's {@link XSSFReader} event API): memory stays
 * flat whatever the row count. Each cell is taken as stored: the text of shared and inline strings, the stored
 * number, and for a formula its cached result. A formula is never evaluated; one without a cached result is kept
 * as inert text ({@code =HYPERLINK(...)}) so the data shows what the file held without ever acting on it.
 */
public class XlsxSheetReader implements SheetReader {

    private final SheetLimits limits;

    public XlsxSheetReader(SheetLimits limits) {
        this.limits = limits;
    }

    @Override
    public void read(Path file, String sourceName, RowSink sink) {
        try (OPCPackage pkg = open(file)) {
            XSSFReader reader = workbookReader(pkg);
            SharedStrings strings = SharedStrings.read(pkg, limits);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheetXml = sheets.next()) {
                    readSheet(
                            sheetXml,
                            new SheetHandler(SheetLimits.sheetName(sheets.getSheetName()), strings, sink, limits));
                }
            }
        } catch (UnreadableSpreadsheetException e) {
            throw e;
        } catch (IOException
                | SAXException
                | OpenXML4JException
                | POIXMLException
                | OpenXML4JRuntimeException
                | IllegalStateException
                | ParserConfigurationException e) {
            throw damaged(e);
        }
    }

    private static OPCPackage open(Path file) {
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | InvalidOperationException | IllegalArgumentException e) {
            throw damaged(e);
        }
    }

    private static XSSFReader workbookReader(OPCPackage pkg) throws IOException {
        try {
            return new XSSFReader(pkg);
        } catch (OpenXML4JException | POIXMLException | IllegalArgumentException e) {
            throw new UnreadableSpreadsheetException(
                    Problem.NOT_A_SPREADSHEET, "The file is a zip archive but not an Excel workbook", e);
        }
    }

    private static void readSheet(InputStream sheetXml, SheetHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(handler);
        try {
            parser.parse(new InputSource(sheetXml));
        } catch (StopSheet stop) {
            // the sink has seen enough of this sheet
        }
    }

    private static UnreadableSpreadsheetException damaged(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Zip bomb")) {
            return new UnreadableSpreadsheetException(
                    Problem.TOO_LARGE,
                    "The workbook expands far beyond its size (possible zip bomb) and was not read",
                    e);
        }
        return new UnreadableSpreadsheetException(
                Problem.CORRUPT,
                "The workbook is damaged or incomplete (corrupt or truncated .xlsx) and cannot be read",
                e);
    }

    /** Thrown from the handler to stop parsing a sheet early; never leaves this class. */
    private static final class StopSheet extends SAXException {
        StopSheet() {
            super("stop", null);
        }
    }

    /**
     * SAX handler for one worksheet part: collects the cells of each {@code <row>} and hands the row over. Nothing is
     * sized by an address or a declared count: cells beyond {@link SheetLimits#maxColumns()} are ignored, row numbers
     * are only passed on, and a cell's text stops at {@link SheetLimits#MAX_CELL_CHARS}.
     */
    private static final class SheetHandler extends DefaultHandler {

        /** Excel's largest row number has 7 digits; a longer one is no row number. */
        private static final int MAX_ROW_DIGITS = 7;

        private final String sheet;
        private final SharedStrings strings;
        private final RowSink sink;
        private final int maxColumns;

        private String[] cells = new String[16];
        private int width;
        private int rowNumber;
        private int column;
        private String type;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder formula = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();
        private boolean inValue;
        private boolean inFormula;
        private boolean inInlineText;
        private boolean inPhonetic;
        private boolean hasFormula;

        SheetHandler(String sheet, SharedStrings strings, RowSink sink, SheetLimits limits) {
            this.sheet = sheet;
            this.strings = strings;
            this.sink = sink;
            this.maxColumns = limits.maxColumns();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r != null ? rowNumber(r) : rowNumber + 1;
                    Arrays.fill(cells, 0, width, null);
                    width = 0;
                    column = -1;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref != null ? columnIndex(ref, maxColumns) : Math.min(column + 1, maxColumns);
                    type = attributes.getValue("t");
                    value.setLength(0);
                    formula.setLength(0);
                    inline.setLength(0);
                    hasFormula = false;
                }
                case "v" -> inValue = true;
                case "f" -> {
                    inFormula = true;
                    hasFormula = true;
                }
                case "rPh" -> inPhonetic = true;
                case "t" -> inInlineText = "inlineStr".equals(type) && !inPhonetic;
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                append(value, ch, start, length);
            } else if (inFormula) {
                append(formula, ch, start, length);
            } else if (inInlineText) {
                append(inline, ch, start, length);
            }
        }

        private void append(StringBuilder text, char[] ch, int start, int length) {
            if (column >= maxColumns) {
                return; // an ignored cell
            }
            if (text.length() + length > SheetLimits.MAX_CELL_CHARS) {
                throw new UnreadableSpreadsheetException(
                        Problem.TOO_LARGE,
                        "Sheet " + sheet + ", row " + rowNumber + " has a cell of more than "
                                + SheetLimits.MAX_CELL_CHARS
                                + " characters, more than Excel allows, so the workbook was not read: save the file "
                                + "from Excel again");
            }
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v" -> inValue = false;
                case "f" -> inFormula = false;
                case "t" -> inInlineText = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> put(column, cellText());
                case "row" -> {
                    if (sink.row(sheet, rowNumber, Arrays.copyOf(cells, width)) == RowSink.Next.SKIP_REST_OF_SHEET) {
                        throw new StopSheet();
                    }
                }
                default -> {}
            }
        }

        private String cellText() throws SAXException {
            if ("inlineStr".equals(type)) {
                return inline.isEmpty() ? null : inline.toString();
            }
            if (value.isEmpty()) {
                // A formula without a cached result: keep its text, inert, instead of evaluating it.
                return hasFormula && !formula.isEmpty() ? "=" + formula : null;
            }
            String stored = value.toString();
            if (type == null || "n".equals(type)) {
                return NumericText.fromStored(stored);
            }
            return switch (type) {
                case "s" -> strings.get(index(stored.trim()));
                case "b" -> "1".equals(stored) ? "TRUE" : "FALSE";
                default -> stored; // "str" (a formula's text result), "e" (an error such as #N/A)
            };
        }

        /**
         * The 0-based column of a cell reference such as {@code AB12} (CellReference's regex is too slow per cell), or
         * {@code max} for any column at or beyond it (XFD is 16,383; a made-up ZZZZZZZZ would overflow).
         */
        private static int columnIndex(String ref, int max) {
            int column = 0;
            for (int i = 0; i < ref.length(); i++) {
                char c = ref.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    column = column * 26 + (c - 'A' + 1);
                    if (column > max) {
                        return max;
                    }
                } else if (c != '$') {
                    break;
                }
            }
            return column - 1;
        }

        private static int rowNumber(String r) throws SAXException {
            return (int) number(r, MAX_ROW_DIGITS, "row number");
        }

        private static int index(String s) throws SAXException {
            return (int) Math.min(number(s, 10, "shared string index"), Integer.MAX_VALUE);
        }

        private static long number(String text, int maxDigits, String what) throws SAXException {
            if (text.isEmpty() || text.length() > maxDigits || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new SAXException("Not a " + what + ": " + text.substring(0, Math.min(text.length(), 20)));
            }
            return Long.parseLong(text);
        }

        private void put(int index, String text) {
            if (index < 0 || index >= maxColumns || text == null) {
                return;
            }
            if (index >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(index + 1, cells.length * 2));
            }
            cells[index] = text;
            width = Math.max(width, index + 1);
        }
    }
}
