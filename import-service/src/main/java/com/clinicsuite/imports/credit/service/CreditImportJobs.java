package com.clinicsuite.imports.credit.service;

import com.clinicsuite.imports.credit.parse.CreditSheet;
import com.clinicsuite.imports.credit.parse.RowIssue;
import com.clinicsuite.imports.credit.repository.CreditImportJob;
import com.clinicsuite.imports.credit.repository.CreditImportJobError;
import com.clinicsuite.imports.credit.repository.CreditImportJobRepository;
import com.clinicsuite.vocabulary.ImportMode;
import com.clinicsuite.vocabulary.ImportStatus;
import com.clinicsuite.vocabulary.StoredText;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The state changes of an import job. Each method works in the caller's reactive transaction, so a caller can
 * combine one with other changes (the outbox events of the rows) atomically.
 */
@ApplicationScoped
public class CreditImportJobs {

    private final CreditImportJobRepository repository;

    public CreditImportJobs(CreditImportJobRepository repository) {
        this.repository = repository;
    }

    public Uni<CreditImportJob> create(String filename, ImportMode mode, boolean dryRun, String requestedBy) {
        CreditImportJob job = new CreditImportJob();
        job.id = UUID.randomUUID().toString();
        job.filename = filename;
        job.mode = mode;
        job.dryRun = dryRun;
        job.requestedBy = requestedBy;
        job.status = ImportStatus.QUEUED;
        job.createdAt = now();
        job.heartbeatAt = job.createdAt;
        return repository.persist(job);
    }

    public Uni<CreditImportJob> markParsing(String id) {
        return repository.findById(id).invoke(job -> {
            job.status = ImportStatus.PARSING;
            job.startedAt = now();
        });
    }

    public Uni<Void> progress(String id, int rowsTotal, int rowsAccepted, int rowsRejected) {
        return repository
                .findById(id)
                .invoke(job -> {
                    job.rowsTotal = rowsTotal;
                    job.rowsAccepted = rowsAccepted;
                    job.rowsRejected = rowsRejected;
                })
                .replaceWithVoid();
    }

    /** Records what the file held; {@code status} is {@code applying}, or {@code completed} for a dry run. */
    public Uni<CreditImportJob> recordValidation(String id, CreditSheet sheet, ImportStatus status) {
        return repository
                .findById(id)
                .call(job -> saveIssues(id, sheet.issues()))
                .invoke(job -> {
                    job.rowsTotal = sheet.rowsTotal();
                    job.rowsAccepted = sheet.rowsAccepted();
                    job.rowsRejected = sheet.rowsRejected();
                    job.errorsOmitted = sheet.issuesOmitted();
                    job.status = status;
                    if (status == ImportStatus.APPLYING) {
                        // from now on heartbeat_at says since when it applies (renewed only while queued or parsing):
                        // CreditApplyingWatchdog's clock
                        job.heartbeatAt = now();
                    }
                    if (status == ImportStatus.COMPLETED) {
                        job.finishedAt = now();
                    }
                });
    }

    /** Ends a job as failed, keeping what was learnt about the rows (if the file was read at all). */
    public Uni<CreditImportJob> fail(String id, String reason, CreditSheet sheetOrNull) {
        Uni<CreditImportJob> recorded =
                sheetOrNull == null ? repository.findById(id) : recordValidation(id, sheetOrNull, ImportStatus.FAILED);
        return recorded.call(job ->
                        failure(id, reason, CreditImportJobError.FOUND_IN_FILE).persist())
                .invoke(job -> {
                    job.status = ImportStatus.FAILED;
                    job.finishedAt = now();
                });
    }

    /** Renews the heartbeat of those jobs that are still in one of {@code statuses}. */
    public Uni<Integer> renewHeartbeat(List<String> ids, List<ImportStatus> statuses) {
        return repository.update("heartbeatAt = ?1 where id in ?2 and status in ?3", now(), ids, statuses);
    }

    /** Jobs in one of {@code statuses} whose heartbeat is older than {@code cutoff}. */
    public Uni<List<String>> staleIds(List<ImportStatus> statuses, OffsetDateTime cutoff) {
        return repository
                .find("status in ?1 and heartbeatAt < ?2", statuses, cutoff)
                .project(JobId.class)
                .list()
                .map(found -> found.stream().map(JobId::id).toList());
    }

    /** Fails the job unless it moved on meanwhile; whether it was failed. */
    public Uni<Boolean> failIfUnfinished(String id, String reason, List<ImportStatus> statuses) {
        return repository
                .findById(id)
                .chain(job -> job == null || !statuses.contains(job.status)
                        ? Uni.createFrom().item(false)
                        : fail(id, reason, null).replaceWith(true));
    }

    /** Jobs applying since before {@code deadline} (see {@link CreditApplyingWatchdog}), oldest first. */
    public Uni<List<String>> applyingSince(OffsetDateTime deadline, int limit) {
        return repository
                .find(
                        "status = ?1 and heartbeatAt < ?2",
                        Sort.ascending("heartbeatAt"),
                        ImportStatus.APPLYING,
                        deadline)
                .page(0, limit)
                .project(JobId.class)
                .list()
                .map(found -> found.stream().map(JobId::id).toList());
    }

    /** Fails the job if it is still applying since before {@code deadline} (conditional); whether it did. */
    public Uni<Boolean> failIfApplyingSince(String id, OffsetDateTime deadline, String reason, OffsetDateTime now) {
        return repository
                .update(
                        "status = ?1, finishedAt = ?2 where id = ?3 and status = ?4 and heartbeatAt < ?5",
                        ImportStatus.FAILED,
                        now,
                        id,
                        ImportStatus.APPLYING,
                        deadline)
                .map(changed -> changed == 1);
    }

    /** Projection of a job's id (registered: Hibernate builds it through its constructor, also in a native image). */
    @RegisterForReflection
    public record JobId(String id) {}

    static CreditImportJobError failure(String importId, String reason, String source) {
        CreditImportJobError error = new CreditImportJobError();
        error.importId = importId;
        error.message = truncate(reason);
        error.rejected = false;
        error.source = source;
        return error;
    }

    private Uni<Void> saveIssues(String id, List<RowIssue> issues) {
        if (issues.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return CreditImportJobError.persist(issues.stream().map(issue -> toError(id, issue)));
    }

    private static CreditImportJobError toError(String importId, RowIssue issue) {
        CreditImportJobError error = new CreditImportJobError();
        error.importId = importId;
        error.sheet = issue.sheet() == null ? null : StoredText.cut(issue.sheet(), 100, "…");
        error.rowNo = issue.row();
        error.columnName = issue.column();
        String text = issue.column() == null ? issue.message() : issue.column() + " " + issue.message();
        error.message = truncate(issue.rejecting() ? text + "; row not imported" : text);
        error.rejected = issue.rejecting();
        error.source = CreditImportJobError.FOUND_IN_FILE;
        return error;
    }

    static String truncate(String text) {
        return StoredText.cut(text, 500, "…");
    }

    static OffsetDateTime now() {
        // microseconds: what both databases store, so a job reads back as it was written
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
