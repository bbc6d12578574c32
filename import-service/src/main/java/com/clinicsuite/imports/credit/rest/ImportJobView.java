package com.clinicsuite.imports.credit.rest;

import com.clinicsuite.imports.credit.repository.CreditImportJob;
import com.clinicsuite.imports.credit.repository.CreditImportJobError;
import com.clinicsuite.imports.credit.service.CreditImportReport;
import com.clinicsuite.vocabulary.ImportMode;
import com.clinicsuite.vocabulary.ImportStatus;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An import job as GET /imports answers it. Besides the contract's fields: {@code mode}, {@code dry_run},
 * {@code requested_by}, {@code created_at}, and {@code errors_omitted} (issues beyond the stored maximum).
 */
public record ImportJobView(
        String importId,
        String kind,
        String filename,
        ImportMode mode,
        boolean dryRun,
        String requestedBy,
        ImportStatus status,
        int rowsTotal,
        int rowsAccepted,
        int rowsRejected,
        List<ErrorView> errors,
        int errorsOmitted,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {

    public static final String KIND = "credit-balances";

    /**
     * One problem. {@code row} is the Excel row (CSV record) and {@code sheet} its sheet; both null for a problem of
     * the whole job. {@code rejected}: the row was not imported (false: imported without the value named).
     */
    public record ErrorView(Integer row, String sheet, String column, String message, boolean rejected) {
        static ErrorView of(CreditImportJobError error) {
            return new ErrorView(error.rowNo, error.sheet, error.columnName, error.message, error.rejected);
        }
    }

    public static ImportJobView of(CreditImportReport report) {
        CreditImportJob job = report.job();
        return new ImportJobView(
                job.id,
                KIND,
                job.filename,
                job.mode,
                job.dryRun,
                job.requestedBy,
                job.status,
                job.rowsTotal,
                job.rowsAccepted,
                job.rowsRejected,
                report.errors().stream().map(ErrorView::of).toList(),
                job.errorsOmitted,
                job.createdAt,
                job.startedAt,
                job.finishedAt);
    }
}
