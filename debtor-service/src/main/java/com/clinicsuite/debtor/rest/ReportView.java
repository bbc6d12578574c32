package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.vocabulary.ReportStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An entry of the reports history. */
public record ReportView(
        long id,
        long pharmacyId,
        String filename,
        OffsetDateTime uploadedAt,
        Long uploadedBy,
        LocalDate reportDate,
        int totalAccounts,
        BigDecimal totalOutstanding,
        ReportStatus status,
        String errorMessage) {

    static ReportView of(DebtorReport r) {
        return new ReportView(
                r.id,
                r.pharmacyId,
                r.filename,
                r.uploadedAt,
                r.uploadedBy,
                r.reportDate,
                r.totalAccounts,
                r.totalOutstanding,
                r.status,
                r.errorMessage);
    }
}
