package com.clinicsuite.events.debtors;

import com.clinicsuite.vocabulary.ReportStatus;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;

/**
 * debtor-service applied (status {@code completed}) or refused ({@code failed}) a report. {@code supersededBy}
 * (optional, added within v1 by issue 18): a report refused because a newer report of the pharmacy (later report
 * date, then later upload) was applied first names that report's {@code report_id}; null otherwise.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportProcessed(
        String reportId,
        long pharmacyId,
        Long debtorReportId,
        ReportStatus status,
        int totalAccounts,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalOutstanding,
        String error,
        String supersededBy) {

    /** Without {@code supersededBy} (the event as it was before issue 18). */
    public ReportProcessed(
            String reportId,
            long pharmacyId,
            Long debtorReportId,
            ReportStatus status,
            int totalAccounts,
            BigDecimal totalOutstanding,
            String error) {
        this(reportId, pharmacyId, debtorReportId, status, totalAccounts, totalOutstanding, error, null);
    }
}
