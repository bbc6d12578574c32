package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.config.WatchdogConfig;
import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.debtor.repository.DebtorReportRepository;
import com.clinicsuite.debtor.repository.PharmacyRepository;
import com.clinicsuite.debtor.repository.StagedAccounts;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.outbox.JobLock;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.outbox.StuckStateWatchdog;
import com.clinicsuite.vocabulary.ReportStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Issue 18.2, no state without an end: a report still {@code processing} {@code debtor.watchdog.report-timeout}
 * (15 min) after its first chunk arrived (a chunk lost, dead-lettered or never sent) is ended as failed, with a reason
 * that says it timed out; its staged accounts go and {@code ReportProcessed} (failed) is published through the outbox,
 * as for any other failure. The previous debtors are untouched: a report replaces them only in the one transaction of
 * its last chunk, which this watchdog either waits for or prevents.
 *
 * <p>On one replica at a time ({@link StuckStateWatchdog}: {@link JobLock} row {@link #LOCK}); each report is ended under the pharmacy's row lock
 * (the lock the last chunk takes before it applies, {@link ReportIngestion}) and by a conditional update
 * ({@code status = processing and started_at < deadline}): a report that completed meanwhile, or that another run
 * ended, is left alone. A chunk arriving after the end is ignored ({@link ReportIngestion#accept}: a failed report
 * changes nothing). Counter {@code watchdog_ended_total{state="debtor_report_processing"}}.
 */
@ApplicationScoped
public class ReportWatchdog {

    /** This job's row of outbox_relay_lock (migration V8). */
    static final int LOCK = 2;

    private static final Logger LOG = Logger.getLogger(ReportWatchdog.class);

    private final DebtorReportRepository reports;
    private final PharmacyRepository pharmacies;
    private final StagedAccounts staged;
    private final Outbox outbox;
    private final WatchdogConfig config;
    private final Clock clock;
    private final StuckStateWatchdog watchdog;

    public ReportWatchdog(
            DebtorReportRepository reports,
            PharmacyRepository pharmacies,
            StagedAccounts staged,
            Outbox outbox,
            WatchdogConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.reports = reports;
        this.pharmacies = pharmacies;
        this.staged = staged;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.watchdog = new StuckStateWatchdog(
                ReportWatchdog.class,
                LOCK,
                "debtor_report_processing",
                "Report watchdog",
                "report(s) still processing",
                config.reportTimeout(),
                registry);
    }

    @Scheduled(
            identity = "debtor-report-watchdog",
            every = "${debtor.watchdog.interval:1m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return watchdog.scheduled(() -> endOverdue(clock.instant()));
    }

    /**
     * Ends the reports still processing {@code report-timeout} before {@code now}; how many this run ended (0 when
     * another replica holds the job).
     */
    public Uni<Integer> endOverdue(Instant now) {
        OffsetDateTime deadline = now.atOffset(ZoneOffset.UTC).minus(config.reportTimeout());
        return watchdog.run(() -> reports.processingStartedBefore(deadline, config.batchSize())
                .chain(overdue -> StuckStateWatchdog.endEach(overdue, report -> end(report, deadline, now))));
    }

    private Uni<Boolean> end(DebtorReport report, OffsetDateTime deadline, Instant now) {
        String reason = reason(config.reportTimeout().toMinutes());
        // the last chunk applies under this lock: wait for a swap in progress, or keep one from starting
        return pharmacies
                .lockForUpdate(report.pharmacyId)
                .chain(() -> reports.failIfProcessingSince(report.id, deadline, reason, now.atOffset(ZoneOffset.UTC)))
                .chain(changed -> changed == 0
                        ? Uni.createFrom().item(false)
                        : staged.delete(report.id)
                                .chain(() -> outbox.publish(
                                        EventCatalog.REPORT_PROCESSED,
                                        Long.toString(report.pharmacyId),
                                        new ReportProcessed(
                                                report.importReportId,
                                                report.pharmacyId,
                                                report.id,
                                                ReportStatus.FAILED,
                                                0,
                                                BigDecimal.ZERO.setScale(2),
                                                reason,
                                                null)))
                                .invoke(() -> LOG.warnf(
                                        "Report %d of pharmacy %d timed out (processing since %s)",
                                        report.id, report.pharmacyId, report.startedAt))
                                .replaceWith(true));
    }

    /** The failure reason of a timed-out report; starts with "Timed out" (what import-service and tests look for). */
    static String reason(long minutes) {
        return "Timed out: the report was still being processed " + minutes + " min after it arrived (a part of it"
                + " never came). Nothing was applied; the pharmacy's debtors are unchanged. Upload the report again.";
    }
}
