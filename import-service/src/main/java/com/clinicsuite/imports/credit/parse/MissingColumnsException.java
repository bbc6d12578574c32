package com.clinicsuite.imports.credit.parse;

import java.util.List;
import java.util.stream.Collectors;

/** The file lacks a required column (or any recognisable header row): it is refused as a whole. */
public class MissingColumnsException extends RuntimeException {

    public MissingColumnsException(String message) {
        super(message);
    }

    static MissingColumnsException missing(List<CreditColumn> columns, String sheet, int headerRow) {
        String names = columns.stream().map(c -> "'" + c.heading() + "'").collect(Collectors.joining(", "));
        return new MissingColumnsException((columns.size() == 1 ? "required column " : "required columns ") + names
                + " missing (sheet '" + sheet + "', header row " + headerRow + ")");
    }

    static MissingColumnsException noHeader(int searchedRows) {
        String required = java.util.Arrays.stream(CreditColumn.values())
                .filter(CreditColumn::required)
                .map(CreditColumn::heading)
                .collect(Collectors.joining(", "));
        return new MissingColumnsException("No header row found in the first " + searchedRows
                + " rows of any sheet; the sheet needs the columns " + required);
    }
}
