package com.clinicsuite.imports.credit.sheet;

/** The file cannot be read as a spreadsheet at all; {@link #problem()} tells the caller which answer fits. */
public class UnreadableSpreadsheetException extends RuntimeException {

    public enum Problem {
        /** The content is not a format we read (or not the one its name claims). */
        NOT_A_SPREADSHEET,
        /** A workbook, but damaged: truncated, bad zip, broken records. */
        CORRUPT,
        /** A workbook protected with a password: we cannot (and should not try to) open it. */
        ENCRYPTED,
        /** Opening it would inflate far beyond its size (zip bomb) or past the configured limits. */
        TOO_LARGE
    }

    private final Problem problem;

    public UnreadableSpreadsheetException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public UnreadableSpreadsheetException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
