package com.clinicsuite.events.debtors;

import com.clinicsuite.vocabulary.ReportStatus;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;

/** debtor-service applied (status {@code completed}) or refused ({@code failed}) a report. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportProcessed(
        String reportId,
        long pharmacyId,
        Long debtorReportId,
        ReportStatus status,
        int totalAccounts,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalOutstanding,
        String error) {}
