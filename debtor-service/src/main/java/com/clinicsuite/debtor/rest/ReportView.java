package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.vocabulary.ReportStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An entry of the reports history. {@code upload_id} is import-service's id of the upload it came from (the report
 * events' {@code report_id}): a client that got 202 from the upload finds its report by it. {@code superseded_by}: the
 * id of the newer report that was applied before this one finished (this one then failed and was not applied).
 */
public record ReportView(
        long id,
        String uploadId,
        long pharmacyId,
        String filename,
        OffsetDateTime uploadedAt,
        Long uploadedBy,
        LocalDate reportDate,
        int totalAccounts,
        BigDecimal totalOutstanding,
        ReportStatus status,
        String errorMessage,
        Long supersededBy) {

    static ReportView of(DebtorReport r) {
        return new ReportView(
                r.id,
                r.importReportId,
                r.pharmacyId,
                r.filename,
                r.uploadedAt,
                r.uploadedBy,
                r.reportDate,
                r.totalAccounts,
                r.totalOutstanding,
                r.status,
                r.errorMessage,
                r.supersededBy);
    }
}
