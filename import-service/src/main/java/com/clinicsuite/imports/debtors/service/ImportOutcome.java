package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.imports.debtors.pdf.ParsedAccount;
import java.math.BigDecimal;
import java.util.List;

/** What became of an import, as far as the importer waited to see. */
public sealed interface ImportOutcome {

    /**
     * debtor-service replaced the pharmacy's debtors with the report. {@code repeated} when the same file was
     * the pharmacy's latest applied report already and nothing was published again.
     */
    record Applied(
            String uploadId,
            long debtorReportId,
            int totalAccounts,
            BigDecimal totalOutstanding,
            List<ParsedAccount> firstAccounts,
            boolean repeated)
            implements ImportOutcome {}

    /** Handed over; debtor-service has not answered within the wait. */
    record Processing(String uploadId) implements ImportOutcome {}

    /** Not imported, and why. {@code uploadId} is null when nothing was recorded. */
    record Refused(String uploadId, Problem problem, String message) implements ImportOutcome {}

    enum Problem {
        UNKNOWN_PHARMACY,
        NOT_A_PDF,
        TOO_LARGE,
        UNREADABLE,
        INVALID_CONTENT,
        NOT_APPLIED,
        /** debtor-service kept it in the history only: a newer report of the pharmacy is current (issue 18.6). */
        SUPERSEDED
    }
}
