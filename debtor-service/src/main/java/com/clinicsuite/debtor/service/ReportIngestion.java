package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.config.ReportConfig;
import com.clinicsuite.debtor.repository.AccountRow;
import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.debtor.repository.DebtorReportRepository;
import com.clinicsuite.debtor.repository.DebtorSetReplacement;
import com.clinicsuite.debtor.repository.Pharmacy;
import com.clinicsuite.debtor.repository.PharmacyRepository;
import com.clinicsuite.debtor.repository.ReceivedChunk;
import com.clinicsuite.debtor.repository.ReceivedChunkRepository;
import com.clinicsuite.debtor.repository.StagedAccounts;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.outbox.Failures;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.vocabulary.ReportStatus;
import com.clinicsuite.vocabulary.StoredText;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Receives a report chunk by chunk and, once every chunk is here, makes it the pharmacy's debtor set in the same
 * transaction that records the outcome and publishes {@code ReportProcessed}. A report that cannot be applied is
 * marked failed (with the reason) and the previous debtors stay, also when the database refuses the swap itself
 * ({@link DebtorSetReplacement.SwapFailed}: its statements undone, the transaction still usable). Every method runs
 * in the caller's transaction (the Inbox's), which also makes a redelivered chunk a no-op. A completed report's
 * staged accounts are left to {@link ReportFollowUp}, which runs after this transaction committed.
 *
 * <p>One writer per pharmacy (issue 18.6): the last chunk locks the pharmacy row before it reads the current report,
 * so two replacements never interleave, on any replica. The current report is the newest by
 * {@link DebtorReport#RECENCY} (report date, then upload time), whatever the completion order: a report finishing
 * after a newer one was applied is kept in the history, failed with {@code superseded_by} and a reason, and the
 * current debtors stay. A deadlock or serialization failure in the swap is transient
 * ({@link DebtorSetReplacement.SwapInterrupted}): the inbox retries the chunk, the report is not failed. A pharmacy
 * not known yet ({@link PharmacyNotYetKnown}) is retried for {@code debtor.reports.unknown-pharmacy-wait}.
 */
@ApplicationScoped
public class ReportIngestion {

    private static final Logger LOG = Logger.getLogger(ReportIngestion.class);

    private final DebtorReportRepository reports;
    private final ReceivedChunkRepository chunks;
    private final StagedAccounts staged;
    private final DebtorSetReplacement replacement;
    private final Outbox outbox;
    private final PharmacyRepository pharmacies;
    private final Duration unknownPharmacyWait;

    /** Import report id -> System.nanoTime() when this instance first found its pharmacy unknown. */
    private final Map<String, Long> unknownSince = new ConcurrentHashMap<>();

    public ReportIngestion(
            DebtorReportRepository reports,
            ReceivedChunkRepository chunks,
            StagedAccounts staged,
            DebtorSetReplacement replacement,
            Outbox outbox,
            PharmacyRepository pharmacies,
            ReportConfig config) {
        this.reports = reports;
        this.chunks = chunks;
        this.staged = staged;
        this.replacement = replacement;
        this.outbox = outbox;
        this.pharmacies = pharmacies;
        this.unknownPharmacyWait = config.unknownPharmacyWait();
    }

    public Uni<Void> accept(DebtorReportChunk chunk) {
        return reports.findByImportReportId(chunk.reportId())
                .chain(report -> report != null ? Uni.createFrom().item(report) : open(chunk))
                // chunks arriving after the report completed or failed change nothing
                .chain(report -> report.isProcessing()
                        ? stage(report, chunk)
                        : Uni.createFrom().voidItem());
    }

    private Uni<DebtorReport> open(DebtorReportChunk chunk) {
        DebtorReport report = new DebtorReport();
        report.pharmacyId = chunk.pharmacyId();
        report.importReportId = chunk.reportId();
        report.filename = chunk.filename();
        report.uploadedAt = chunk.uploadedAt() != null
                ? chunk.uploadedAt().atOffset(ZoneOffset.UTC)
                : OffsetDateTime.now(ZoneOffset.UTC);
        report.uploadedBy = chunk.uploadedBy();
        report.reportDate = chunk.reportDate();
        report.chunkCount = chunk.chunkCount();
        report.accountCount = chunk.accountCount();
        report.status = ReportStatus.PROCESSING;
        report.startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return reports.persist(report);
    }

    private Uni<Void> stage(DebtorReport report, DebtorReportChunk chunk) {
        String inconsistency = inconsistency(report, chunk);
        if (inconsistency != null) {
            return fail(report, inconsistency);
        }
        ReportAccounts.Parsed parsed = ReportAccounts.parse(chunk.accounts());
        if (parsed.problem() != null) {
            return fail(report, parsed.problem());
        }
        return chunks.isReceived(report.id, chunk.chunkIndex())
                .chain(received -> received
                        ? Uni.createFrom().voidItem() // the same chunk sent again under another event id
                        : receive(report, chunk.chunkIndex(), parsed.rows()));
    }

    /** Records a chunk as received, stages its accounts, and completes the report when it was the last one. */
    private Uni<Void> receive(DebtorReport report, int chunkIndex, List<AccountRow> accounts) {
        ReceivedChunk row = new ReceivedChunk();
        row.reportId = report.id;
        row.chunkIndex = chunkIndex;
        row.accountCount = accounts.size();
        row.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return chunks.persist(row)
                .chain(() -> staged.insert(report.id, accounts))
                .chain(() -> chunks.countReceived(report.id))
                .chain(receivedCount -> receivedCount >= report.chunkCount
                        ? complete(report)
                        : Uni.createFrom().voidItem());
    }

    private static String inconsistency(DebtorReport report, DebtorReportChunk chunk) {
        if (chunk.chunkCount() < 1 || chunk.chunkIndex() < 0 || chunk.chunkIndex() >= chunk.chunkCount()) {
            return "Chunk " + chunk.chunkIndex() + " of " + chunk.chunkCount() + " is out of range";
        }
        if (chunk.chunkCount() != report.chunkCount || chunk.pharmacyId() != report.pharmacyId) {
            return "Chunk " + chunk.chunkIndex() + " disagrees with the report's first chunk"
                    + " on its pharmacy or chunk count";
        }
        return null;
    }

    /** A complete report's staged accounts: how many, and why they cannot be applied (null when they can). */
    private record StagedCheck(long accounts, String problem) {}

    private Uni<Void> complete(DebtorReport report) {
        return check(report)
                .chain(check -> check.problem() != null
                        ? fail(report, check.problem())
                        : applyLocked(report, check.accounts()));
    }

    /** Every account once, and as many as the report announced. */
    private Uni<StagedCheck> check(DebtorReport report) {
        return staged.counts(report.id).chain(counts -> {
            if (counts.accounts() != counts.distinctAccNos()) {
                return staged.firstDuplicateAccNo(report.id)
                        .map(accNo -> new StagedCheck(
                                counts.accounts(), "Account " + accNo + " appears more than once in the report"));
            }
            if (counts.accounts() != report.accountCount) {
                return Uni.createFrom()
                        .item(new StagedCheck(
                                counts.accounts(),
                                "The report announced " + report.accountCount + " accounts but its chunks hold "
                                        + counts.accounts()));
            }
            return Uni.createFrom().item(new StagedCheck(counts.accounts(), null));
        });
    }

    /**
     * One writer per pharmacy: the row lock serialises replacements of its debtors across transactions and replicas,
     * and the current report is read after the lock, as the last replacement committed it.
     */
    private Uni<Void> applyLocked(DebtorReport report, long accounts) {
        return pharmacies
                .lockForUpdate(report.pharmacyId)
                .chain(pharmacy -> stillProcessing(report)
                        .chain(processing -> processing
                                ? decide(report, pharmacy, accounts)
                                // ended meanwhile: what this transaction staged goes too, nothing else changes
                                : staged.delete(report.id).replaceWithVoid()));
    }

    /**
     * Whether the report is still processing as the pharmacy's lock holder sees it: {@link ReportWatchdog} may have
     * ended it (timed out) under the same lock since this transaction read it; then its last chunk changes nothing.
     */
    private Uni<Boolean> stillProcessing(DebtorReport report) {
        return reports.currentStatus(report.id).map(status -> status == ReportStatus.PROCESSING);
    }

    private Uni<Void> decide(DebtorReport report, Pharmacy pharmacy, long accounts) {
        if (pharmacy == null) {
            return unknownPharmacy(report);
        }
        unknownSince.remove(report.importReportId);
        return currentReport(pharmacy)
                .chain(applied -> applied != null && !report.isNewerThan(applied)
                        ? supersede(report, applied)
                        : replace(report, pharmacy, accounts));
    }

    private Uni<DebtorReport> currentReport(Pharmacy pharmacy) {
        return pharmacy.currentReportId == null
                ? Uni.createFrom().nullItem()
                : reports.findById(pharmacy.currentReportId);
    }

    private Uni<Void> replace(DebtorReport report, Pharmacy pharmacy, long accounts) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long started = System.nanoTime();
        return replacement
                .replace(report.pharmacyId, report.id, now)
                .chain(totals -> {
                    completed(report, pharmacy, totals, now);
                    LOG.infof(
                            "Report %d applied to pharmacy %d: %d accounts in %d ms",
                            report.id, report.pharmacyId, accounts, (System.nanoTime() - started) / 1_000_000);
                    // the staged accounts stay until the report's follow-up made its snapshot of them
                    return published(report, null, null);
                })
                .onFailure(DebtorSetReplacement.SwapFailed.class)
                // the swap was undone: the previous set stays; record and announce the failure
                .recoverWithUni(failure -> fail(report, failure.getMessage()));
        // SwapInterrupted (a deadlock, a serialization failure) passes through: transient, the inbox retries
    }

    /** The report is now the pharmacy's current one, with the totals of the debtors it replaced them with. */
    private static void completed(
            DebtorReport report, Pharmacy pharmacy, DebtorSetReplacement.Totals totals, OffsetDateTime now) {
        report.status = ReportStatus.COMPLETED;
        report.totalAccounts = totals.accounts();
        report.totalOutstanding = totals.outstanding();
        report.totalCurrent = totals.current();
        report.totalD30 = totals.d30();
        report.totalD60 = totals.d60();
        report.totalD90 = totals.d90();
        report.totalD120 = totals.d120();
        report.totalD150 = totals.d150();
        report.totalD180 = totals.d180();
        report.completedAt = now;
        pharmacy.currentReportId = report.id;
    }

    /**
     * A newer report (later report date, then later upload) was applied before this one finished: this one stays in
     * the history, failed and naming the current one, and the current debtors are not touched.
     */
    private Uni<Void> supersede(DebtorReport report, DebtorReport current) {
        report.supersededBy = current.id;
        String reason = "Not applied: the pharmacy's debtors already come from a newer report ("
                + describe(current) + ") than this one (" + describe(report) + "). This report is kept in the"
                + " reports history; the current debtors are unchanged. Upload it again only if it is the latest age"
                + " analysis: a report replaces the current one when its report date is later (or the same date,"
                + " uploaded later).";
        LOG.infof(
                "Report %d of pharmacy %d superseded by report %d, which was applied first",
                report.id, report.pharmacyId, current.id);
        return failed(report, reason, current.importReportId);
    }

    private static String describe(DebtorReport report) {
        return (report.reportDate == null ? "no report date" : "report date " + report.reportDate) + ", uploaded "
                + report.uploadedAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The report can overtake auth-service's announcement of a pharmacy created just before: retried through the
     * inbox (transient, {@link PharmacyNotYetKnown}) for {@code debtor.reports.unknown-pharmacy-wait}, then failed.
     */
    private Uni<Void> unknownPharmacy(DebtorReport report) {
        long now = System.nanoTime();
        long since = unknownSince.computeIfAbsent(report.importReportId, id -> now);
        Duration waited = Duration.ofNanos(now - since);
        if (waited.compareTo(unknownPharmacyWait) < 0) {
            LOG.infof(
                    "Report %s: pharmacy %d is not known yet (waited %d s of %d s); retried",
                    report.importReportId, report.pharmacyId, waited.toSeconds(), unknownPharmacyWait.toSeconds());
            return Uni.createFrom().failure(new PharmacyNotYetKnown(report.pharmacyId));
        }
        unknownSince.remove(report.importReportId);
        return fail(
                report,
                "Pharmacy " + report.pharmacyId + " is unknown to debtor-service (waited " + waited.toSeconds()
                        + " s for auth-service to announce it). Check that the pharmacy exists in auth-service,"
                        + " then upload the report again.");
    }

    /** A complete report's pharmacy is not known yet: transient for the report consumer's inbox. */
    public static final class PharmacyNotYetKnown extends RuntimeException {
        public PharmacyNotYetKnown(long pharmacyId) {
            super("Pharmacy " + pharmacyId + " is not known to debtor-service yet", null, false, false);
        }
    }

    /** The report consumer's "retryable?": the inbox's transient failures and a pharmacy not known yet. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PharmacyNotYetKnown) {
                return true;
            }
        }
        return Failures.isTransient(failure);
    }

    private Uni<Void> fail(DebtorReport report, String reason) {
        LOG.warnf("Report %d of pharmacy %d failed: %s", report.id, report.pharmacyId, reason);
        return failed(report, reason, null);
    }

    private Uni<Void> failed(DebtorReport report, String reason, String supersededBy) {
        report.status = ReportStatus.FAILED;
        report.errorMessage = StoredText.cut(reason, 1000);
        report.completedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return staged.delete(report.id).chain(() -> published(report, report.errorMessage, supersededBy));
    }

    private Uni<Void> published(DebtorReport report, String error, String supersededBy) {
        boolean completed = report.status == ReportStatus.COMPLETED;
        return outbox.publish(
                        EventCatalog.REPORT_PROCESSED,
                        Long.toString(report.pharmacyId),
                        new ReportProcessed(
                                report.importReportId,
                                report.pharmacyId,
                                report.id,
                                report.status,
                                completed ? report.totalAccounts : 0,
                                completed ? report.totalOutstanding : BigDecimal.ZERO.setScale(2),
                                error,
                                supersededBy))
                .replaceWithVoid();
    }
}
