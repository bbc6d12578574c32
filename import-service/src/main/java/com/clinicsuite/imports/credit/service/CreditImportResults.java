package com.clinicsuite.imports.credit.service;

import com.clinicsuite.events.credit.CreditImportResult;
import com.clinicsuite.imports.credit.config.CreditImportConfig;
import com.clinicsuite.imports.credit.repository.CreditImportJob;
import com.clinicsuite.imports.credit.repository.CreditImportJobError;
import com.clinicsuite.imports.credit.repository.CreditImportJobRepository;
import com.clinicsuite.vocabulary.ImportStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Finishes import jobs with what credit-balance-service reports: {@code completed} merges the rows it refused into
 * the job's errors and counts, {@code failed} fails the job with its reason ({@code applying} is progress only).
 * Runs in the caller's (the inbox's) transaction.
 */
@ApplicationScoped
public class CreditImportResults {

    private static final Logger LOG = Logger.getLogger(CreditImportResults.class);

    private final CreditImportJobRepository repository;
    private final int maxReportedErrors;

    public CreditImportResults(CreditImportJobRepository repository, CreditImportConfig config) {
        this.repository = repository;
        this.maxReportedErrors = config.maxReportedErrors();
    }

    public Uni<Void> apply(CreditImportResult result) {
        // locked: the applying watchdog may be ending it in another transaction; this one reads its outcome after it
        return repository
                .findById(result.importId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(job -> {
                    if (job == null) {
                        LOG.warnf("Result for unknown credit import %s ignored", result.importId());
                        return Uni.createFrom().voidItem();
                    }
                    if (job.status.isFinished()) {
                        return Uni.createFrom().voidItem();
                    }
                    if (result.status() == ImportStatus.COMPLETED) {
                        return complete(job, result.rejected() == null ? List.of() : result.rejected());
                    }
                    if (result.status() == ImportStatus.FAILED) {
                        return fail(job, result.error());
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> complete(CreditImportJob job, List<CreditImportResult.RowError> rejected) {
        List<CreditImportJobError> kept = rejected.stream()
                .limit(maxReportedErrors)
                .map(row -> {
                    CreditImportJobError error = new CreditImportJobError();
                    error.importId = job.id;
                    error.rowNo = row.row();
                    error.columnName = row.column();
                    error.message = CreditImportJobs.truncate(String.valueOf(row.message()));
                    error.rejected = true;
                    error.source = CreditImportJobError.FOUND_WHEN_APPLIED;
                    return error;
                })
                .toList();
        job.rowsAccepted = Math.max(0, job.rowsAccepted - rejected.size());
        job.rowsRejected += rejected.size();
        job.errorsOmitted += rejected.size() - kept.size();
        job.status = ImportStatus.COMPLETED;
        job.finishedAt = CreditImportJobs.now();
        LOG.infof("Credit import %s completed; %d rows refused when applied", job.id, rejected.size());
        return kept.isEmpty() ? Uni.createFrom().voidItem() : CreditImportJobError.persist(kept);
    }

    private Uni<Void> fail(CreditImportJob job, String reason) {
        job.status = ImportStatus.FAILED;
        job.finishedAt = CreditImportJobs.now();
        LOG.infof("Credit import %s failed in credit-balance-service", job.id);
        String message = "credit-balance-service could not apply the import; nothing was changed"
                + (reason == null || reason.isBlank() ? "" : ": " + reason);
        return CreditImportJobs.failure(job.id, message, CreditImportJobError.FOUND_WHEN_APPLIED)
                .persist()
                .replaceWithVoid();
    }
}
