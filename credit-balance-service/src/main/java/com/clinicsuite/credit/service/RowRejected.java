package com.clinicsuite.credit.service;

/** A row of an import that cannot be applied: the whole import fails and names the row. */
public class RowRejected extends RuntimeException {

    private final int row;
    private final String column;

    public RowRejected(int row, String column, String message, Throwable cause) {
        super(message, cause);
        this.row = row;
        this.column = column;
    }

    public int row() {
        return row;
    }

    public String column() {
        return column;
    }
}
