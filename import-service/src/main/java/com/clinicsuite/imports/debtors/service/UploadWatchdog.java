package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.imports.config.WatchdogConfig;
import com.clinicsuite.imports.debtors.repository.DebtorReportUploadRepository;
import com.clinicsuite.outbox.JobLock;
import com.clinicsuite.outbox.StuckStateWatchdog;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Issue 18.2, no state without an end: a debtor report upload still {@code processing} {@code import.watchdog.
 * upload-timeout} (20 min) after it was received (debtor-service's answer never came: its own watchdog ends a stuck
 * report after 15 min, so this one acts only when that answer is lost or debtor-service is unreachable) is ended as
 * failed with a reason that says it timed out. On one replica at a time ({@link StuckStateWatchdog}: {@link JobLock}
 * row {@link #LOCK}), by a
 * conditional update ({@code status = processing and created_at < deadline}); a {@code ReportProcessed} arriving later
 * is ignored ({@link ReportStatusService}: only a processing upload takes an answer). Counter
 * {@code watchdog_ended_total{state="debtor_upload_processing"}}.
 */
@ApplicationScoped
public class UploadWatchdog {

    /** This job's row of outbox_relay_lock (migration V7). */
    static final int LOCK = 2;

    private final DebtorReportUploadRepository uploads;
    private final WatchdogConfig config;
    private final StuckStateWatchdog watchdog;

    public UploadWatchdog(DebtorReportUploadRepository uploads, WatchdogConfig config, MeterRegistry registry) {
        this.uploads = uploads;
        this.config = config;
        this.watchdog = new StuckStateWatchdog(
                UploadWatchdog.class,
                LOCK,
                "debtor_upload_processing",
                "Upload watchdog",
                "debtor report upload(s) still processing",
                config.uploadTimeout(),
                registry);
    }

    @Scheduled(
            identity = "debtor-upload-watchdog",
            every = "${import.watchdog.interval:1m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return watchdog.scheduled(() -> endOverdue(Instant.now()));
    }

    /** Ends the uploads still processing {@code upload-timeout} before {@code now}; how many this run ended. */
    public Uni<Integer> endOverdue(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime deadline = at.minus(config.uploadTimeout());
        String reason = reason(config.uploadTimeout().toMinutes());
        return watchdog.run(() -> uploads.processingSince(deadline, config.batchSize())
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(0)
                        : uploads.failIfProcessingSince(ids, deadline, reason, at)));
    }

    /** The failure reason of a timed-out upload; starts with "Timed out". */
    static String reason(long minutes) {
        return "Timed out: debtor-service did not answer within " + minutes + " min. The upload is ended as failed;"
                + " check the pharmacy's reports history for what is current, and upload the report again if needed.";
    }
}
