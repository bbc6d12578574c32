package com.clinicsuite.imports.debtors.pdf;

/**
 * A {@link PdfLimits} limit was reached while PDFBox was reading. Unchecked on purpose: PDFBox swallows some
 * IOExceptions (a damaged embedded font falls back to a standard one, a failing form XObject is skipped), and this
 * must end the read wherever it is thrown. {@link DecodeBudget} also keeps it, in case PDFBox wraps or swallows it.
 */
final class PdfLimitExceeded extends RuntimeException {

    private final ReportRejectedException.Reason reason;

    PdfLimitExceeded(ReportRejectedException.Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    ReportRejectedException rejection() {
        return new ReportRejectedException(reason, getMessage());
    }
}
