package com.clinicsuite.imports.credit.sheet;

import com.clinicsuite.imports.credit.sheet.UnreadableSpreadsheetException.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as Excel writes it (RFC 4180 quoting, quoted fields may span lines), UTF-8 with or without BOM, with
 * {@code ,} or {@code ;} as separator (Excel uses {@code ;} where the decimal separator is a comma). The separator
 * is the one that splits the first lines into the most fields. Text that is not UTF-8 is refused rather than
 * guessed, so names never arrive garbled.
 */
public class CsvSheetReader implements SheetReader {

    private static final int SNIFF_LINES = 20;
    /** The separator is guessed from at most this much text, so a file of one 100 MB line is never held whole. */
    private static final int SNIFF_CHARS = 64 * 1024;

    private static final char BOM = '\uFEFF';

    private final SheetLimits limits;

    public CsvSheetReader(SheetLimits limits) {
        this.limits = limits;
    }

    @Override
    public void read(Path file, String sourceName, RowSink sink) {
        String sheet = SheetLimits.sheetName(stem(sourceName));
        try {
            char separator = sniffSeparator(file);
            try (Reader in = utf8(file)) {
                parse(in, separator, sheet, sink, limits.maxColumns());
            }
        } catch (CharacterCodingException e) {
            throw new UnreadableSpreadsheetException(
                    Problem.CORRUPT, "The CSV file is not UTF-8 text; save it as 'CSV UTF-8' and upload it again", e);
        } catch (IOException e) {
            throw new UnreadableSpreadsheetException(Problem.CORRUPT, "The CSV file cannot be read", e);
        }
    }

    /** Fields beyond {@code maxColumns} are read past but not kept; no field may pass Excel's cell size. */
    private static void parse(Reader in, char separator, String sheet, RowSink sink, int maxColumns)
            throws IOException {
        List<String> fields = new ArrayList<>(16);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int record = 1;
        int c = in.read();
        if (c == BOM) {
            c = in.read();
        }
        while (c != -1) {
            char ch = (char) c;
            if (ch == 0) {
                throw new UnreadableSpreadsheetException(
                        Problem.NOT_A_SPREADSHEET, "The file holds binary data, not CSV text");
            }
            if (quoted) {
                if (ch == '"') {
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    append(field, ch, record);
                }
            } else if (ch == '"' && field.isEmpty() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else if (ch == separator) {
                add(fields, field, maxColumns);
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r') {
                    int next = in.read();
                    if (next != '\n') {
                        c = next;
                        add(fields, field, maxColumns);
                        if (emit(sink, sheet, record++, fields)) {
                            return;
                        }
                        field.setLength(0);
                        fieldWasQuoted = false;
                        continue;
                    }
                }
                add(fields, field, maxColumns);
                if (emit(sink, sheet, record++, fields)) {
                    return;
                }
                field.setLength(0);
                fieldWasQuoted = false;
            } else {
                append(field, ch, record);
            }
            c = in.read();
        }
        if (quoted) {
            throw new UnreadableSpreadsheetException(
                    Problem.CORRUPT,
                    "The CSV file ends inside a quoted field (record " + record + "): a closing quote is missing");
        }
        if (!field.isEmpty() || !fields.isEmpty() || fieldWasQuoted) {
            add(fields, field, maxColumns);
            emit(sink, sheet, record, fields);
        }
    }

    /** Hands one record over; returns true when the sink wants no more. */
    private static boolean emit(RowSink sink, String sheet, int record, List<String> fields) {
        String[] cells = fields.toArray(String[]::new);
        fields.clear();
        return sink.row(sheet, record, cells) == RowSink.Next.SKIP_REST_OF_SHEET;
    }

    /** Keeps the field if the record has room for it; a dropped field is never turned into a String. */
    private static void add(List<String> fields, StringBuilder field, int maxColumns) {
        if (fields.size() < maxColumns) {
            fields.add(value(field));
        }
    }

    private static void append(StringBuilder field, char ch, int record) {
        if (field.length() >= SheetLimits.MAX_CELL_CHARS) {
            throw new UnreadableSpreadsheetException(
                    Problem.CORRUPT,
                    "Record " + record + " has a field longer than " + SheetLimits.MAX_CELL_CHARS
                            + " characters (an unbalanced quote?)");
        }
        field.append(ch);
    }

    private static String value(StringBuilder field) {
        // "" and an empty field are both blank cells
        return field.isEmpty() ? null : field.toString();
    }

    /**
     * Picks {@code ;} only when it splits the first lines into more fields than {@code ,} does. Reads at most
     * {@link #SNIFF_CHARS} characters: a first line longer than that is judged by its beginning.
     */
    private static char sniffSeparator(Path file) throws IOException {
        char[] head = new char[SNIFF_CHARS];
        int length = 0;
        try (Reader in = utf8(file)) {
            int read;
            while (length < head.length && (read = in.read(head, length, head.length - length)) > 0) {
                length += read;
            }
        }
        int commas = 0;
        int semicolons = 0;
        String[] lines = new String(head, 0, length).split("\r\n|\r|\n", SNIFF_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, SNIFF_LINES); i++) {
            commas = Math.max(commas, countOutsideQuotes(lines[i], ','));
            semicolons = Math.max(semicolons, countOutsideQuotes(lines[i], ';'));
        }
        return semicolons > commas ? ';' : ',';
    }

    private static int countOutsideQuotes(String line, char separator) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == separator && !quoted) {
                count++;
            }
        }
        return count;
    }

    private static Reader utf8(Path file) throws IOException {
        return new BufferedReader(
                new InputStreamReader(
                        Files.newInputStream(file),
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                64 * 1024);
    }

    private static String stem(String name) {
        if (name == null || name.isBlank()) {
            return "csv";
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
