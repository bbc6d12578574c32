package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.debtor.repository.DebtorReportRepository;
import com.clinicsuite.debtor.repository.DebtorSetReplacement;
import com.clinicsuite.debtor.repository.PharmacyRepository;
import com.clinicsuite.debtor.repository.ReceivedChunk;
import com.clinicsuite.debtor.repository.ReceivedChunkRepository;
import com.clinicsuite.debtor.repository.StagedAccounts;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.vocabulary.ReportStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Receives a report chunk by chunk and, once every chunk is here, makes it the pharmacy's debtor set in the same
 * transaction that records the outcome and publishes {@code ReportProcessed}. A report that cannot be applied is
 * marked failed (with the reason) and the previous debtors stay, also when the database refuses the swap itself
 * ({@link DebtorSetReplacement.SwapFailed}: its statements undone, the transaction still usable). Every method runs
 * in the caller's transaction (the Inbox's), which also makes a redelivered chunk a no-op. A completed report's
 * staged accounts are left to {@link ReportFollowUp}, which runs after this transaction committed.
 */
@ApplicationScoped
public class ReportIngestion {

    private static final Logger LOG = Logger.getLogger(ReportIngestion.class);

    private final DebtorReportRepository reports;
    private final ReceivedChunkRepository chunks;
    private final StagedAccounts staged;
    private final DebtorSetReplacement replacement;
    private final PharmacyRepository pharmacies;
    private final Outbox outbox;

    public ReportIngestion(
            DebtorReportRepository reports,
            ReceivedChunkRepository chunks,
            StagedAccounts staged,
            DebtorSetReplacement replacement,
            PharmacyRepository pharmacies,
            Outbox outbox) {
        this.reports = reports;
        this.chunks = chunks;
        this.staged = staged;
        this.replacement = replacement;
        this.pharmacies = pharmacies;
        this.outbox = outbox;
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
        return chunks.isReceived(report.id, chunk.chunkIndex()).chain(received -> {
            if (received) {
                return Uni.createFrom().voidItem(); // the same chunk sent again under another event id
            }
            ReceivedChunk row = new ReceivedChunk();
            row.reportId = report.id;
            row.chunkIndex = chunk.chunkIndex();
            row.accountCount = parsed.rows().size();
            row.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return chunks.persist(row)
                    .chain(() -> staged.insert(report.id, parsed.rows()))
                    .chain(() -> chunks.countReceived(report.id))
                    .chain(receivedCount -> receivedCount >= report.chunkCount
                            ? complete(report)
                            : Uni.createFrom().voidItem());
        });
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

    private Uni<Void> complete(DebtorReport report) {
        return staged.counts(report.id).chain(counts -> {
            if (counts.accounts() != counts.distinctAccNos()) {
                return staged.firstDuplicateAccNo(report.id)
                        .chain(accNo -> fail(report, "Account " + accNo + " appears more than once in the report"));
            }
            if (counts.accounts() != report.accountCount) {
                return fail(
                        report,
                        "The report announced " + report.accountCount + " accounts but its chunks hold "
                                + counts.accounts());
            }
            return pharmacies.findById(report.pharmacyId).chain(pharmacy -> {
                if (pharmacy == null) {
                    return fail(report, "Pharmacy " + report.pharmacyId + " is unknown to debtor-service");
                }
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                long started = System.nanoTime();
                return replacement
                        .replace(report.pharmacyId, report.id, now)
                        .chain(totals -> {
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
                            LOG.infof(
                                    "Report %d applied to pharmacy %d: %d accounts in %d ms",
                                    report.id,
                                    report.pharmacyId,
                                    counts.accounts(),
                                    (System.nanoTime() - started) / 1_000_000);
                            // the staged accounts stay until the report's follow-up made its snapshot of them
                            return published(report, null);
                        })
                        .onFailure(DebtorSetReplacement.SwapFailed.class)
                        // the swap was undone: the previous set stays; record and announce the failure
                        .recoverWithUni(failure -> fail(report, failure.getMessage()));
            });
        });
    }

    private Uni<Void> fail(DebtorReport report, String reason) {
        report.status = ReportStatus.FAILED;
        report.errorMessage = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        report.completedAt = OffsetDateTime.now(ZoneOffset.UTC);
        LOG.warnf("Report %d of pharmacy %d failed: %s", report.id, report.pharmacyId, report.errorMessage);
        return staged.delete(report.id).chain(() -> published(report, report.errorMessage));
    }

    private Uni<Void> published(DebtorReport report, String error) {
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
                                error))
                .replaceWithVoid();
    }
}
