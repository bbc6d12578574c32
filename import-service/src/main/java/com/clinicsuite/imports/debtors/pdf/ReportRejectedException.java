package com.clinicsuite.imports.debtors.pdf;

/**
 * The report cannot be imported. The message is shown to the uploader as is, so it says what is wrong and what
 * to do; {@link Reason} tells the caller which answer it deserves.
 */
public class ReportRejectedException extends Exception {

    /** Why a report was refused; each maps to one HTTP status at the edge. */
    public enum Reason {
        /** The bytes are not a PDF at all (415). */
        NOT_A_PDF,
        /** Over a size limit: too many pages, or compressed content that expands too far (413). */
        TOO_LARGE,
        /** A PDF, but damaged, cut short, locked, too slow to read or without readable content (422). */
        UNREADABLE,
        /** A readable report whose content fails a check: no accounts, totals that do not add up (422). */
        INVALID_CONTENT
    }

    private final Reason reason;

    public ReportRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public ReportRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause, false, true);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
