package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.debtor.repository.DebtorReportRepository;
import com.clinicsuite.debtor.repository.MovementSummary;
import com.clinicsuite.debtor.repository.ReminderPolicy;
import com.clinicsuite.debtor.repository.ReminderPolicyRepository;
import com.clinicsuite.debtor.repository.ReportSnapshots;
import com.clinicsuite.debtor.repository.ReportSnapshots.KindTotals;
import com.clinicsuite.debtor.repository.ReportSnapshots.Movement;
import com.clinicsuite.debtor.repository.StagedAccounts;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReportMovement;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.vocabulary.ReportStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

/**
 * What follows a completed report, in one transaction of its own after the replacement committed (so the
 * replacement itself does no more work than before): the report's account snapshot from its staged accounts, the
 * movement against the report before it (rows, summary, {@code ReportMovement}), the decision of open promises,
 * the staging clean-up, and the after-upload policy run's claim. Reports of a pharmacy are followed up in the order
 * they completed. Runs right after the report's last chunk was handled, and from {@link CollectionsSweeper} for
 * any left over (a crash between the two transactions).
 */
@ApplicationScoped
public class ReportFollowUp {

    private static final Logger LOG = Logger.getLogger(ReportFollowUp.class);

    private final DebtorReportRepository reports;
    private final ReportSnapshots snapshots;
    private final StagedAccounts staged;
    private final PaymentPromises promises;
    private final ReminderPolicyRepository policies;
    private final ReminderRuns runs;
    private final Outbox outbox;
    private final Clock clock;

    public ReportFollowUp(
            DebtorReportRepository reports,
            ReportSnapshots snapshots,
            StagedAccounts staged,
            PaymentPromises promises,
            ReminderPolicyRepository policies,
            ReminderRuns runs,
            Outbox outbox,
            Clock clock) {
        this.reports = reports;
        this.snapshots = snapshots;
        this.staged = staged;
        this.promises = promises;
        this.policies = policies;
        this.runs = runs;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Follows up the pharmacy's completed reports still waiting, oldest first. Never fails (logs instead). */
    public Uni<Void> followUpPending(long pharmacyId) {
        return Panache.withSession(() -> reports.awaitingFollowUp(pharmacyId))
                .chain(ids -> followUpInOrder(ids))
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.errorf("Follow-up of pharmacy %d's reports failed (retried by the sweeper): %s", pharmacyId, e);
                    return null;
                });
    }

    /** The sweeper's pass: every report still waiting, oldest first. */
    public Uni<Void> followUpAllPending(int limit) {
        return Panache.withSession(() -> reports.awaitingFollowUp(limit))
                .chain(pending ->
                        followUpInOrder(pending.stream().map(r -> r.id).toList()));
    }

    private Uni<Void> followUpInOrder(List<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom()
                .iterable(reportIds)
                .onItem()
                .transformToUniAndConcatenate(this::followUp)
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** Follows up one report if it is waiting and not being followed up elsewhere; true when done now. */
    public Uni<Boolean> followUp(long reportId) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.find(DebtorReport.class, reportId, LockMode.UPGRADE_SKIPLOCKED))
                .chain(report -> {
                    if (report == null || report.followedUpAt != null || report.status != ReportStatus.COMPLETED) {
                        return Uni.createFrom().item(false);
                    }
                    return reports.predecessor(report).chain(previous -> {
                        if (previous != null && previous.followedUpAt == null) {
                            return Uni.createFrom().item(false); // the one before first: its snapshot is needed
                        }
                        return followUp(report, previous).replaceWith(true);
                    });
                }));
    }

    private Uni<Void> followUp(DebtorReport report, DebtorReport previous) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long started = System.nanoTime();
        LocalDate reportDate = reportDate(report);
        return snapshots
                .snapshotFromStaged(report.id)
                .chain(accounts -> previous == null ? Uni.createFrom().voidItem() : movement(report, previous, now))
                .chain(() -> promises.decide(report, reportDate))
                .chain(() -> staged.delete(report.id))
                .chain(() -> {
                    report.followedUpAt = now;
                    return afterUploadRun(report, now);
                })
                .invoke(() -> LOG.infof(
                        "Report %d of pharmacy %d followed up in %d ms",
                        report.id, report.pharmacyId, (System.nanoTime() - started) / 1_000_000));
    }

    private Uni<Void> movement(DebtorReport report, DebtorReport previous, OffsetDateTime now) {
        return snapshots.hasSnapshot(previous.id).chain(hasSnapshot -> {
            if (!hasSnapshot) {
                LOG.warnf(
                        "Report %d: no account snapshot of report %d (applied before movement was recorded):"
                                + " no movement",
                        report.id, previous.id);
                return Uni.createFrom().voidItem();
            }
            return snapshots
                    .materialize(previous.id, report.id)
                    .chain(() -> snapshots.storedTotals(report.id))
                    .chain(totals -> {
                        MovementSummary summary = summary(report, previous, totals, now);
                        return summary.<MovementSummary>persist()
                                .chain(() -> outbox.publish(
                                        EventCatalog.REPORT_MOVEMENT,
                                        Long.toString(report.pharmacyId),
                                        new ReportMovement(
                                                report.pharmacyId,
                                                previous.id,
                                                report.id,
                                                previous.reportDate,
                                                report.reportDate,
                                                MovementSummaries.event(summary),
                                                now.toInstant())));
                    })
                    .replaceWithVoid();
        });
    }

    static MovementSummary summary(
            DebtorReport report, DebtorReport previous, Map<Movement, KindTotals> totals, OffsetDateTime now) {
        MovementSummary s = new MovementSummary();
        s.pharmacyId = report.pharmacyId;
        s.fromReportId = previous.id;
        s.toReportId = report.id;
        s.newCount = (int) totals.get(Movement.NEW).count();
        s.newBalance = totals.get(Movement.NEW).balanceAfter().setScale(2);
        s.clearedCount = (int) totals.get(Movement.CLEARED).count();
        s.clearedBalance = totals.get(Movement.CLEARED).balanceBefore().setScale(2);
        s.paidDownCount = (int) totals.get(Movement.PAID_DOWN).count();
        s.paidDownAmount = totals.get(Movement.PAID_DOWN).change().setScale(2);
        s.increasedCount = (int) totals.get(Movement.INCREASED).count();
        s.increasedAmount = totals.get(Movement.INCREASED).change().setScale(2);
        s.agedCount = (int) totals.get(Movement.AGED).count();
        s.agedAmount = totals.get(Movement.AGED).balanceAfter().setScale(2);
        s.unchangedCount = (int) totals.get(Movement.UNCHANGED).count();
        s.outstandingBefore = previous.totalOutstanding;
        s.outstandingAfter = report.totalOutstanding;
        s.computedAt = now;
        return s;
    }

    private Uni<Void> afterUploadRun(DebtorReport report, OffsetDateTime now) {
        return policies.ofPharmacy(report.pharmacyId).chain(policy -> {
            if (policy == null || !policy.enabled || !ReminderPolicy.AFTER_UPLOAD.equals(policy.trigger)) {
                return Uni.createFrom().voidItem();
            }
            return runs.claim(
                            report.pharmacyId,
                            ReminderPolicy.AFTER_UPLOAD,
                            "report:" + report.id,
                            report.id,
                            null,
                            PolicySettings.of(policy),
                            now)
                    .replaceWithVoid();
        });
    }

    /** The report's date, else the day it was uploaded in South Africa. */
    static LocalDate reportDate(DebtorReport report) {
        return report.reportDate != null
                ? report.reportDate
                : report.uploadedAt
                        .atZoneSameInstant(PolicySettings.DEFAULT_ZONE)
                        .toLocalDate();
    }
}
