package com.clinicsuite.imports.credit.sheet;

/**
 * What reading one spreadsheet may allocate, whatever the file declares: a cell far beyond the data (a stray value in
 * XFD1048576, a {@code <dimension ref="A1:XFD1048576">}, a row numbered 1048576) costs nothing more than a cell next
 * to the data, and no declared count or size is used to size anything.
 *
 * @param maxColumns             columns read per row; cells further right are ignored (the credit columns come first)
 * @param maxSharedStringsBytes  estimated memory of an .xlsx's shared strings table (each string: 2 bytes a character
 *                               plus 48), which is held while the file is read; a larger table refuses the file (413)
 */
public record SheetLimits(int maxColumns, long maxSharedStringsBytes) {

    /** Excel's own limit for the text of one cell; only a file not written by Excel has a longer one (refused). */
    public static final int MAX_CELL_CHARS = 32_767;

    /** Excel's own limit for a sheet name; a longer one (only a hand-made file has it) is cut. */
    public static final int MAX_SHEET_NAME_CHARS = 31;

    /** 256 columns; 64 MB of shared strings (a 100,000-row workbook needs about 25 MB). */
    public static final SheetLimits DEFAULT = new SheetLimits(256, 64L << 20);

    /** The sheet name as rows report it: cut to Excel's limit. */
    public static String sheetName(String name) {
        return name == null || name.length() <= MAX_SHEET_NAME_CHARS ? name : name.substring(0, MAX_SHEET_NAME_CHARS);
    }
}
