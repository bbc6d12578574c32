package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.imports.debtors.config.DebtorImportConfig;
import com.clinicsuite.imports.debtors.pdf.ColumnMap;
import com.clinicsuite.imports.debtors.pdf.DebtorReportReader;
import com.clinicsuite.imports.debtors.pdf.ParsedAccount;
import com.clinicsuite.imports.debtors.pdf.ParsedReport;
import com.clinicsuite.imports.debtors.pdf.ReportRejectedException;
import com.clinicsuite.imports.debtors.repository.DebtorReportUpload;
import com.clinicsuite.imports.debtors.repository.DebtorReportUploadRepository;
import com.clinicsuite.imports.debtors.repository.PharmacyColumnMap;
import com.clinicsuite.imports.debtors.repository.PharmacyColumnMapRepository;
import com.clinicsuite.imports.debtors.service.ImportOutcome.Applied;
import com.clinicsuite.imports.debtors.service.ImportOutcome.Problem;
import com.clinicsuite.imports.debtors.service.ImportOutcome.Processing;
import com.clinicsuite.imports.debtors.service.ImportOutcome.Refused;
import com.clinicsuite.imports.service.Blocking;
import com.clinicsuite.imports.service.ChunkBudget;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.vocabulary.ReportSource;
import com.clinicsuite.vocabulary.ReportStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Imports a debtor report, the same way for uploads and the mailbox: read and reconcile the PDF, keep the file,
 * record the upload and hand the report to debtor-service as DebtorReportChunk events in one transaction, then
 * wait (bounded) for debtor-service's ReportProcessed answer. Nothing is published for a file that fails a check.
 * The answer is the upload's status in the database, read when {@link ProcessingNotifier} says the answer was
 * published (whichever replica consumed it) and at the end of the wait.
 *
 * <p>Blocking: parsing is CPU work and the wait is long, so callers run it on a worker thread (the upload
 * endpoint is a blocking endpoint; the mailbox poller is a scheduled job).
 */
@ApplicationScoped
public class DebtorReportImportService {

    private static final Logger LOG = Logger.getLogger(DebtorReportImportService.class);
    /** The upload answer lists this many of the report's accounts, as the original API did. */
    static final int PREVIEW_ACCOUNTS = 10;

    private final DebtorReportReader reader;
    private final ReportFileStore files;
    private final DebtorReportUploadRepository uploads;
    private final PharmacyDirectory pharmacies;
    private final ProcessingNotifier notifier;
    private final Outbox outbox;
    private final PharmacyColumnMapRepository columnMaps;
    private final ObjectMapper mapper;
    private final int accountsPerChunk;
    private final long maxChunkBytes;
    private final Duration recheck;

    public DebtorReportImportService(
            DebtorReportReader reader,
            ReportFileStore files,
            DebtorReportUploadRepository uploads,
            PharmacyDirectory pharmacies,
            ProcessingNotifier notifier,
            Outbox outbox,
            PharmacyColumnMapRepository columnMaps,
            ObjectMapper mapper,
            DebtorImportConfig config) {
        this.reader = reader;
        this.files = files;
        this.uploads = uploads;
        this.pharmacies = pharmacies;
        this.notifier = notifier;
        this.outbox = outbox;
        this.columnMaps = columnMaps;
        this.mapper = mapper;
        this.accountsPerChunk = config.chunkAccounts();
        this.maxChunkBytes = config.maxChunkBytes().asLongValue();
        this.recheck = config.applyWaitRecheck();
    }

    /** With the pharmacy's saved column map, if it has one (mailbox imports, uploads without a map). */
    public ImportOutcome importReport(ImportRequest request, Duration wait) {
        return importReport(request, wait, null);
    }

    /**
     * @param columnMap the upload's explicit column map (issue 24 point 4), or null: then the pharmacy's saved one,
     *     if any. A map sent with the upload is saved for the pharmacy once the report reconciles with it.
     */
    public ImportOutcome importReport(ImportRequest request, Duration wait, ColumnMap columnMap) {
        if (request.pharmacyId() == null
                || !Blocking.await(() -> Panache.withSession(() -> pharmacies.exists(request.pharmacyId())))) {
            String message = request.pharmacyId() == null
                    ? "The sender or folder of this message is not mapped to a pharmacy (import.mailbox.senders / folders)"
                    : "Pharmacy " + request.pharmacyId() + " not found";
            String uploadId = request.source() == ReportSource.MAILBOX ? recordFailure(request, null, message) : null;
            return new Refused(uploadId, Problem.UNKNOWN_PHARMACY, message);
        }
        ColumnMap map = columnMap != null ? columnMap : savedColumnMap(request.pharmacyId());
        ParsedReport report;
        try {
            report = reader.read(request.content(), request.filename(), map);
        } catch (ReportRejectedException e) {
            LOG.infof("Debtor report for pharmacy %d refused: %s", request.pharmacyId(), e.reason());
            return new Refused(recordFailure(request, null, e.getMessage()), problem(e.reason()), e.getMessage());
        }
        if (columnMap != null && !columnMap.isEmpty()) {
            saveColumnMap(request, columnMap);
        }
        String sha256 = files.store(request.content());
        List<ParsedAccount> preview = report.accounts()
                .subList(0, Math.min(PREVIEW_ACCOUNTS, report.accounts().size()));

        // Decision: the same file as the pharmacy's latest applied report changes nothing, so it is answered with
        // that report's result and not handed over again (a re-sent e-mail or a double click replaces nothing).
        DebtorReportUpload latest =
                Blocking.await(() -> Panache.withSession(() -> uploads.latestApplied(request.pharmacyId())));
        if (latest != null && sha256.equals(latest.sha256)) {
            LOG.infof(
                    "Debtor report for pharmacy %d is the latest applied one (%s); not handed over again",
                    request.pharmacyId(), latest.id);
            return new Applied(
                    latest.id, latest.debtorReportId, latest.totalAccounts, latest.totalOutstanding, preview, true);
        }

        String uploadId = UUID.randomUUID().toString();
        ProcessingNotifier.Wake answer = notifier.register(uploadId);
        try {
            handOver(uploadId, request, sha256, report);
            LOG.infof(
                    "Debtor report %s of pharmacy %d handed over: %d accounts",
                    uploadId, request.pharmacyId(), report.accounts().size());
            return awaitAnswer(uploadId, answer, wait, preview);
        } finally {
            notifier.forget(uploadId);
        }
    }

    /** The pharmacy's saved column map, or {@link ColumnMap#NONE}. */
    private ColumnMap savedColumnMap(long pharmacyId) {
        PharmacyColumnMap saved = Blocking.await(() -> Panache.withSession(() -> columnMaps.findById(pharmacyId)));
        if (saved == null) {
            return ColumnMap.NONE;
        }
        try {
            return ColumnMap.of(mapper.readValue(saved.mapping, new TypeReference<Map<String, String>>() {}));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // only maps that were checked are saved; one that cannot be read (edited by hand) is ignored
            LOG.warnf("Saved column map of pharmacy %d cannot be read; the vocabulary alone is used", pharmacyId);
            return ColumnMap.NONE;
        }
    }

    /**
     * Decision: a map is saved once the report reconciles with it, before debtor-service's answer: the map
     * read the report right, whatever debtor-service then decides.
     */
    private void saveColumnMap(ImportRequest request, ColumnMap columnMap) {
        String json;
        try {
            json = mapper.writeValueAsString(columnMap.asNames());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Blocking.await(() ->
                Panache.withTransaction(() -> columnMaps.save(request.pharmacyId(), json, request.uploadedBy(), now)));
        LOG.infof(
                "Column map of pharmacy %d saved (%d headings)",
                request.pharmacyId(), columnMap.fields().size());
    }

    /** The upload record and all chunks in one transaction: either debtor-service gets the whole report, or nothing. */
    private void handOver(String uploadId, ImportRequest request, String sha256, ParsedReport report) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        DebtorReportUpload upload = newUpload(uploadId, request, now);
        upload.sha256 = sha256;
        upload.status = ReportStatus.PROCESSING;
        upload.accountCount = report.accounts().size();
        upload.parsedBalance = report.accountTotals().balance();
        List<DebtorReportChunk> chunks = ReportChunker.chunks(
                uploadId,
                request,
                sha256,
                now.toInstant(),
                report,
                new ChunkBudget(mapper, accountsPerChunk, maxChunkBytes));
        String key = Long.toString(request.pharmacyId());
        Blocking.await(() -> Panache.withTransaction(() -> {
            Uni<Void> chain = upload.persist().replaceWithVoid();
            for (DebtorReportChunk chunk : chunks) {
                chain = chain.chain(() -> outbox.publish(EventCatalog.DEBTOR_REPORT_CHUNK, key, chunk))
                        .replaceWithVoid();
            }
            return chain;
        }));
    }

    /**
     * Waits for a signal that debtor-service's answer was published, then reads the upload's status: final, it is
     * the answer. Still {@code processing}, the signal came from this instance's waker ahead of the commit of the
     * report-status consumer (here or on another replica): read again every {@code apply-wait-recheck} (or at the
     * next signal, the consumer's own after its commit) until it is final or the wait is over. Never answered from
     * the event itself, so never a status the database does not hold. Without any signal in time, one last read:
     * the answer may have been recorded all the same (this instance's waker not yet joined, or no waker).
     */
    private ImportOutcome awaitAnswer(
            String uploadId, ProcessingNotifier.Wake answer, Duration wait, List<ParsedAccount> preview) {
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        boolean signalled = false;
        try {
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                Duration slice = Duration.ofNanos(signalled ? Math.min(left, recheck.toNanos()) : left);
                signalled |= answer.await(slice);
                if (!signalled) {
                    break; // the whole wait without a signal
                }
                ImportOutcome outcome = recordedAnswer(uploadId, preview, true);
                if (outcome != null) {
                    return outcome;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ImportOutcome outcome = recordedAnswer(uploadId, preview, false);
        return outcome != null ? outcome : new Processing(uploadId);
    }

    /**
     * The answer the upload's row holds, or null while it is {@code processing}.
     *
     * @param tolerant a read within the wait that fails (the database away for a moment) counts as "not yet"; the
     *     last read's failure is the request's (503 when the database is down)
     */
    private ImportOutcome recordedAnswer(String uploadId, List<ParsedAccount> preview, boolean tolerant) {
        DebtorReportUpload upload;
        try {
            upload = Blocking.await(() -> Panache.withSession(() -> uploads.findById(uploadId)));
        } catch (RuntimeException e) {
            if (!tolerant) {
                throw e;
            }
            LOG.debugf(
                    "Status of upload %s not read (%s); read again",
                    uploadId, e.getClass().getSimpleName());
            return null;
        }
        if (upload != null && upload.status == ReportStatus.COMPLETED) {
            return new Applied(
                    uploadId, upload.debtorReportId, upload.totalAccounts, upload.totalOutstanding, preview, false);
        }
        if (upload != null && upload.status == ReportStatus.FAILED) {
            return notApplied(uploadId, upload.supersededBy, upload.error);
        }
        return null;
    }

    /**
     * debtor-service did not apply the report: superseded (a newer report of the pharmacy is current; its own code,
     * naming that report) or refused for another reason.
     */
    private static Refused notApplied(String uploadId, String supersededBy, String error) {
        if (supersededBy != null) {
            return new Refused(uploadId, Problem.SUPERSEDED, supersededMessage(supersededBy, error));
        }
        return new Refused(uploadId, Problem.NOT_APPLIED, notAppliedMessage(error));
    }

    /** The 409 {@code report_superseded} detail: names the newer report (its upload id) and debtor-service's reason. */
    static String supersededMessage(String supersededBy, String error) {
        return "Not applied: a newer report of this pharmacy is current (upload " + supersededBy + "); the debtors"
                + " were not changed." + (error == null || error.isBlank() ? "" : " " + error);
    }

    /**
     * Records a mailbox message or attachment refused before it reached the parser (unauthenticated, no attachment,
     * too large, unreadable); returns the upload id.
     *
     * @param quarantined whether the message goes to the quarantine folder
     */
    public String recordRefusal(ImportRequest request, String message, boolean quarantined) {
        return recordFailure(request, null, message, quarantined);
    }

    private String recordFailure(ImportRequest request, String sha256, String message) {
        return recordFailure(request, sha256, message, false);
    }

    /** Failures are recorded too, so operators see refused reports (above all mailbox ones, where nobody waits). */
    private String recordFailure(ImportRequest request, String sha256, String message, boolean quarantined) {
        DebtorReportUpload upload =
                newUpload(UUID.randomUUID().toString(), request, OffsetDateTime.now(ZoneOffset.UTC));
        upload.mailQuarantined = quarantined;
        upload.sha256 = sha256;
        upload.status = ReportStatus.FAILED;
        upload.error = ReportStatusService.truncate(message);
        upload.finishedAt = upload.createdAt;
        Blocking.await(() -> Panache.withTransaction(() -> upload.persist().replaceWithVoid()));
        return upload.id;
    }

    private static DebtorReportUpload newUpload(String id, ImportRequest request, OffsetDateTime now) {
        DebtorReportUpload upload = new DebtorReportUpload();
        upload.id = id;
        upload.pharmacyId = request.pharmacyId();
        upload.filename = request.filename();
        upload.source = request.source();
        upload.uploadedBy = request.uploadedBy();
        upload.createdAt = now;
        upload.mailMessageId = request.mailMessageId();
        upload.mailSender = request.mailSender();
        return upload;
    }

    private static String notAppliedMessage(String error) {
        return error == null || error.isBlank() ? "debtor-service could not apply the report" : error;
    }

    private static Problem problem(ReportRejectedException.Reason reason) {
        return switch (reason) {
            case NOT_A_PDF -> Problem.NOT_A_PDF;
            case TOO_LARGE -> Problem.TOO_LARGE;
            case UNREADABLE -> Problem.UNREADABLE;
            case INVALID_CONTENT -> Problem.INVALID_CONTENT;
        };
    }
}
