package com.clinicsuite.imports.credit.sheet;

import com.clinicsuite.imports.credit.sheet.UnreadableSpreadsheetException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * The formats we read, recognised by their content (the first bytes), never by the name alone: a CSV renamed to
 * {@code .xlsx} is refused with a message saying so instead of failing somewhere inside the zip reader.
 */
public enum SpreadsheetFormat {
    XLSX(XlsxSheetReader::new),
    XLS(XlsSheetReader::new),
    CSV(CsvSheetReader::new);

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };

    private final Function<SheetLimits, SheetReader> reader;

    SpreadsheetFormat(Function<SheetLimits, SheetReader> reader) {
        this.reader = reader;
    }

    /** A reader of this format that keeps to {@code limits}. */
    public SheetReader reader(SheetLimits limits) {
        return reader.apply(limits);
    }

    /**
     * @param filename the uploaded name; only its extension is used, to tell CSV from a workbook that is not one
     * @throws UnreadableSpreadsheetException when the content is neither a workbook nor CSV text, or contradicts the name
     */
    public static SpreadsheetFormat detect(Path file, String filename) {
        byte[] head = head(file);
        String extension = extension(filename);
        if (startsWith(head, ZIP)) {
            return XLSX;
        }
        if (startsWith(head, OLE2)) {
            return XLS; // an encrypted .xlsx is an OLE2 container too; the .xls reader recognises and refuses it
        }
        if (head.length == 0) {
            throw new UnreadableSpreadsheetException(Problem.NOT_A_SPREADSHEET, "The file is empty");
        }
        return switch (extension) {
            case "csv", "txt" -> CSV;
            case "xlsx", "xlsm", "xls" ->
                throw new UnreadableSpreadsheetException(
                        Problem.NOT_A_SPREADSHEET,
                        "The file is named ." + extension + " but is not an Excel workbook"
                                + (looksLikeText(head)
                                        ? " (it holds text, e.g. CSV): upload it as .csv or save it as .xlsx"
                                        : ""));
            default ->
                throw new UnreadableSpreadsheetException(
                        Problem.NOT_A_SPREADSHEET, "Unsupported file type: upload an .xlsx, .xls or .csv file");
        };
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(512);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        int dot = filename.lastIndexOf('.');
        return dot < 0
                ? ""
                : filename.substring(dot + 1).toLowerCase(Locale.ROOT).trim();
    }
}
