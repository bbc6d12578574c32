package com.clinicsuite.imports.credit.service;

import com.clinicsuite.imports.config.WatchdogConfig;
import com.clinicsuite.imports.credit.repository.CreditImportJobError;
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
 * Issue 18.2, no state without an end: a credit import still {@code applying} {@code import.watchdog.
 * credit-applying-timeout} (15 min) after its rows were published (credit-balance-service's result never came) is
 * ended as failed with a reason that says it timed out, and called off: {@code imports.credit-import-aborted.v1} goes
 * out through the outbox, keyed by the import like its chunks, so credit-balance-service reads it after every chunk of
 * the import. If it has not applied the import by then it drops what it staged and ignores any later copy of a chunk
 * ({@code CreditImportStaging.abort}): the balances keep the previous data. A result arriving afterwards is ignored
 * ({@link CreditImportResults}: a finished job takes no result).
 *
 * <p>On one replica at a time ({@link StuckStateWatchdog}: {@link JobLock} row {@link #LOCK}), by a conditional update ({@code status = applying
 * and heartbeat_at < deadline}; {@code heartbeat_at} of an applying job is when it started applying: the heartbeat is
 * renewed only while queued or parsing). Counter {@code watchdog_ended_total{state="credit_import_applying"}}.
 */
@ApplicationScoped
public class CreditApplyingWatchdog {

    /** This job's row of outbox_relay_lock (migration V7). */
    static final int LOCK = 3;

    private final CreditImportJobs jobs;
    private final CreditRowsPublisher publisher;
    private final WatchdogConfig config;
    private final StuckStateWatchdog watchdog;

    public CreditApplyingWatchdog(
            CreditImportJobs jobs, CreditRowsPublisher publisher, WatchdogConfig config, MeterRegistry registry) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.config = config;
        this.watchdog = new StuckStateWatchdog(
                CreditApplyingWatchdog.class,
                LOCK,
                "credit_import_applying",
                "Credit import watchdog",
                "import(s) still applying",
                config.creditApplyingTimeout(),
                registry);
    }

    @Scheduled(
            identity = "credit-applying-watchdog",
            every = "${import.watchdog.interval:1m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return watchdog.scheduled(() -> endOverdue(Instant.now()));
    }

    /** Ends the imports still applying {@code credit-applying-timeout} before {@code now}; how many this run ended. */
    public Uni<Integer> endOverdue(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime deadline = at.minus(config.creditApplyingTimeout());
        String reason = reason(config.creditApplyingTimeout().toMinutes());
        return watchdog.run(() -> jobs.applyingSince(deadline, config.batchSize())
                .chain(ids -> StuckStateWatchdog.endEach(ids, id -> end(id, deadline, reason, at))));
    }

    /** Ends one import if it is still applying since before {@code deadline}: failed, an error row, called off. */
    private Uni<Boolean> end(String id, OffsetDateTime deadline, String reason, OffsetDateTime at) {
        return jobs.failIfApplyingSince(id, deadline, reason, at)
                .call(failed -> failed
                        ? CreditImportJobs.failure(id, reason, CreditImportJobError.FOUND_WHEN_APPLIED)
                                .persist()
                                .chain(() -> publisher.abort(id, "timed_out"))
                        : Uni.createFrom().voidItem());
    }

    /** The failure reason of a timed-out import; starts with "Timed out". */
    static String reason(long minutes) {
        return "Timed out: credit-balance-service did not report the import applied within " + minutes + " min."
                + " It was called off; nothing was changed. Import the file again.";
    }
}
