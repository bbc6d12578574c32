package com.clinicsuite.imports.credit.sheet;

import com.clinicsuite.imports.credit.sheet.UnreadableSpreadsheetException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared strings table of an .xlsx, read as POI's {@code ReadOnlySharedStringsTable} reads it (the text runs of
 * each {@code <si>}, phonetic runs left out) but bounded: the table may not pass {@link SheetLimits#maxSharedStringsBytes}
 * and no string may pass {@link SheetLimits#MAX_CELL_CHARS}, and the declared {@code count}/{@code uniqueCount} are
 * ignored. POI's table has no such bound, so a workbook within the zip-bomb ratio could still fill the heap with text.
 */
final class SharedStrings {

    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** Estimated cost of one string besides its characters: the String, its array header, the list slot. */
    private static final int STRING_OVERHEAD = 48;

    private final List<String> strings;

    private SharedStrings(List<String> strings) {
        this.strings = strings;
    }

    static SharedStrings read(OPCPackage pkg, SheetLimits limits) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        Handler handler = new Handler(limits);
        if (!parts.isEmpty()) {
            try (InputStream xml = parts.get(0).getInputStream()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(handler);
                parser.parse(new InputSource(xml));
            } catch (ParserConfigurationException e) {
                throw new SAXException(e);
            }
        }
        return new SharedStrings(handler.strings);
    }

    /** The text of string {@code index}, with Excel's {@code _xHHHH_} escapes decoded as POI does. */
    String get(int index) throws SAXException {
        if (index < 0 || index >= strings.size()) {
            throw new SAXException("A cell refers to shared string " + index + " of " + strings.size());
        }
        return new XSSFRichTextString(strings.get(index)).getString();
    }

    private static final class Handler extends DefaultHandler {
        private final SheetLimits limits;
        private final List<String> strings = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private long bytes;
        private boolean inText;
        private boolean inPhonetic;

        Handler(SheetLimits limits) {
            this.limits = limits;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (uri != null && !uri.equals(NS)) {
                return;
            }
            switch (localName) {
                case "si" -> text.setLength(0);
                case "t" -> inText = true;
                case "rPh" -> inPhonetic = true;
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!inText || inPhonetic) {
                return;
            }
            if (text.length() + length > SheetLimits.MAX_CELL_CHARS) {
                throw new UnreadableSpreadsheetException(
                        Problem.TOO_LARGE,
                        "The workbook holds a text of more than " + SheetLimits.MAX_CELL_CHARS
                                + " characters, more than Excel allows in a cell, so it was not read: save the file "
                                + "from Excel again");
            }
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (uri != null && !uri.equals(NS)) {
                return;
            }
            switch (localName) {
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "si" -> {
                    bytes += 2L * text.length() + STRING_OVERHEAD;
                    if (bytes > limits.maxSharedStringsBytes()) {
                        throw new UnreadableSpreadsheetException(
                                Problem.TOO_LARGE,
                                "The workbook's text (its shared strings) needs more than "
                                        + (limits.maxSharedStringsBytes() >> 20)
                                        + " MB of memory, far more than a credit-balance sheet, so it was not read");
                    }
                    strings.add(text.toString());
                }
                default -> {}
            }
        }
    }
}
