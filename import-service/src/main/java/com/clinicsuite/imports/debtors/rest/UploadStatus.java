package com.clinicsuite.imports.debtors.rest;

import com.clinicsuite.imports.debtors.repository.DebtorReportUpload;
import com.clinicsuite.vocabulary.ReportSource;
import com.clinicsuite.vocabulary.ReportStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * What became of one debtor report upload: {@code processing} until debtor-service answers, then {@code completed}
 * (with the report's id and totals) or {@code failed} (with the reason in {@code error}). Every field is written, null
 * included, so a poller reads the same shape every time.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UploadStatus(
        String uploadId,
        long pharmacyId,
        ReportStatus status,
        String filename,
        ReportSource source,
        OffsetDateTime createdAt,
        OffsetDateTime finishedAt,
        Long reportId,
        Integer totalAccounts,
        BigDecimal totalOutstanding,
        String error) {

    static UploadStatus of(DebtorReportUpload upload) {
        return new UploadStatus(
                upload.id,
                upload.pharmacyId,
                upload.status,
                upload.filename,
                upload.source,
                upload.createdAt,
                upload.finishedAt,
                upload.debtorReportId,
                upload.totalAccounts,
                upload.totalOutstanding,
                upload.error);
    }
}
