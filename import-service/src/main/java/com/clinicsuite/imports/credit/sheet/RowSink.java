package com.clinicsuite.imports.credit.sheet;

/**
 * Receives the rows of a spreadsheet as they are read, one sheet after the other, so a workbook never has to be
 * held in memory. Cells are text: numbers come as plain decimal strings ({@code 7985349490}, {@code 18730.77}),
 * formula cells as their cached result, blank cells as {@code null}.
 */
public interface RowSink {

    /** What the reader should do after a row. */
    enum Next {
        CONTINUE,
        SKIP_REST_OF_SHEET
    }

    /**
     * @param sheet     the sheet's name (the file name's stem for CSV)
     * @param rowNumber 1-based row number as the user sees it in Excel (the record number in a CSV)
     * @param cells     cell text by 0-based column; {@code null} for a blank cell; may be shorter than the header
     */
    Next row(String sheet, int rowNumber, String[] cells);
}
