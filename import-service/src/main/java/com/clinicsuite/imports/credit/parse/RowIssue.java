package com.clinicsuite.imports.credit.parse;

/**
 * Something wrong with a row (or a whole sheet, {@code row == null}). A {@code rejecting} issue keeps the row out of
 * the import; the others say what was dropped from a row that was imported (an invalid e-mail address, a phone
 * that is not a mobile number). Messages never repeat the cell's content: it may be personal data.
 */
public record RowIssue(String sheet, Integer row, String column, String message, boolean rejecting) {

    static RowIssue rejecting(String sheet, int row, CreditColumn column, String message) {
        return new RowIssue(sheet, row, column.heading(), message, true);
    }

    static RowIssue note(String sheet, int row, CreditColumn column, String message) {
        return new RowIssue(sheet, row, column.heading(), message, false);
    }
}
