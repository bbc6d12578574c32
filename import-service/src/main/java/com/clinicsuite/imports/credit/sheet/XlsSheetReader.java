package com.clinicsuite.imports.credit.sheet;

import com.clinicsuite.imports.credit.sheet.UnreadableSpreadsheetException.Problem;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.RecordFormatException;

/**
 * Reads legacy {@code .xls} (BIFF8) with HSSF. The format caps a sheet at 65,536 rows, so the workbook model fits in
 * memory comfortably. Formula cells give their cached result; nothing is evaluated.
 */
public class XlsSheetReader implements SheetReader {

    private final SheetLimits limits;

    public XlsSheetReader(SheetLimits limits) {
        this.limits = limits;
    }

    @Override
    public void read(Path file, String sourceName, RowSink sink) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
                HSSFWorkbook workbook = open(fs)) {
            for (Sheet sheet : workbook) {
                readSheet(sheet, sink, limits.maxColumns());
            }
        } catch (UnreadableSpreadsheetException e) {
            throw e;
        } catch (IOException
                | RecordFormatException
                | IllegalArgumentException
                | IllegalStateException
                | IndexOutOfBoundsException e) {
            throw new UnreadableSpreadsheetException(
                    Problem.CORRUPT, "The workbook is damaged or incomplete (corrupt .xls) and cannot be read", e);
        }
    }

    private static HSSFWorkbook open(POIFSFileSystem fs) throws IOException {
        if (fs.getRoot().hasEntry("EncryptionInfo")) {
            // an .xlsx saved with a password is stored as an encrypted OLE2 container
            throw encrypted(null);
        }
        try {
            return new HSSFWorkbook(fs.getRoot(), false);
        } catch (EncryptedDocumentException e) {
            throw encrypted(e);
        } catch (OldExcelFormatException e) {
            throw new UnreadableSpreadsheetException(
                    Problem.NOT_A_SPREADSHEET,
                    "The workbook is in a pre-97 Excel format; save it as .xlsx and upload it again",
                    e);
        } catch (IllegalArgumentException e) {
            // an OLE2 file without a Workbook stream: a Word document, an .msg ...
            throw new UnreadableSpreadsheetException(
                    Problem.NOT_A_SPREADSHEET, "The file is an Office document but not an Excel workbook", e);
        }
    }

    private static UnreadableSpreadsheetException encrypted(Exception cause) {
        return new UnreadableSpreadsheetException(
                Problem.ENCRYPTED,
                "The workbook is password-protected; remove the password in Excel and upload it again",
                cause);
    }

    private static void readSheet(Sheet sheet, RowSink sink, int maxColumns) {
        String name = SheetLimits.sheetName(sheet.getSheetName());
        for (Row row : sheet) {
            int width = Math.min(Math.max(row.getLastCellNum(), 0), maxColumns);
            String[] cells = new String[width];
            for (Cell cell : row) {
                if (cell.getColumnIndex() < width) {
                    cells[cell.getColumnIndex()] = text(cell, cell.getCellType());
                }
            }
            if (sink.row(name, row.getRowNum() + 1, cells) == RowSink.Next.SKIP_REST_OF_SHEET) {
                return;
            }
        }
    }

    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> emptyToNull(cell.getStringCellValue());
            case NUMERIC -> NumericText.fromDouble(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case FORMULA -> text(cell, cell.getCachedFormulaResultType());
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            case BLANK, _NONE -> null;
        };
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
