package com.clinicsuite.imports.credit.sheet;

import java.nio.file.Path;

/** Streams the rows of every sheet of one file format to a {@link RowSink}. */
public interface SheetReader {

    /**
     * @param sourceName the uploaded file's name, used for the sheet name of single-sheet formats
     * @throws UnreadableSpreadsheetException when the file cannot be read in this format
     */
    void read(Path file, String sourceName, RowSink sink);
}
