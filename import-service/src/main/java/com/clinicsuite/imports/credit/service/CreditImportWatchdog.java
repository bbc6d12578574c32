package com.clinicsuite.imports.credit.service;

import com.clinicsuite.imports.config.WatchdogConfig;
import com.clinicsuite.vocabulary.ImportStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Jobs are worked on in memory by the instance that accepted them: if that instance dies, its queued and parsing
 * jobs would stay unfinished forever. Each instance therefore renews a heartbeat on the jobs it holds, and every
 * instance ends as failed the queued/parsing jobs whose heartbeat stopped (their instance is gone), so the user
 * sees a clear reason and can upload again. Jobs that are {@code applying} wait on credit-balance-service instead
 * ({@link CreditApplyingWatchdog}). Configuration: {@link WatchdogConfig} ({@code import.watchdog.credit-stale-after},
 * {@code credit-heartbeat-interval}, {@code interval}).
 */
@ApplicationScoped
public class CreditImportWatchdog {

    private static final Logger LOG = Logger.getLogger(CreditImportWatchdog.class);
    static final String INTERRUPTED = "The import was interrupted (the service restarted while it was in progress); "
            + "nothing was changed; upload the file again";
    private static final List<ImportStatus> UNFINISHED = List.of(ImportStatus.QUEUED, ImportStatus.PARSING);

    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final CreditImportJobs jobs;
    private final CreditRowsPublisher publisher;
    private final Duration staleAfter;

    public CreditImportWatchdog(CreditImportJobs jobs, CreditRowsPublisher publisher, WatchdogConfig config) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.staleAfter = config.creditStaleAfter();
    }

    /** This instance works on the job from now on (until {@link #release}). */
    public void hold(String importId) {
        held.add(importId);
    }

    public void release(String importId) {
        held.remove(importId);
    }

    @Scheduled(
            identity = "credit-import-heartbeat",
            every = "${import.watchdog.credit-heartbeat-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> heartbeat() {
        if (held.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = List.copyOf(held);
        return Panache.withTransaction(() -> jobs.renewHeartbeat(ids, UNFINISHED))
                .replaceWithVoid();
    }

    @Scheduled(
            identity = "credit-import-watchdog",
            every = "${import.watchdog.interval:1m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return failAbandoned()
                .replaceWithVoid()
                .onFailure()
                .invoke(e -> LOG.warnf("Import watchdog run failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull();
    }

    /** Ends the queued/parsing jobs whose heartbeat is older than {@code import.watchdog.credit-stale-after}; how many. */
    public Uni<Integer> failAbandoned() {
        return Panache.withSession(
                        () -> jobs.staleIds(UNFINISHED, CreditImportJobs.now().minus(staleAfter)))
                .chain(ids -> Multi.createFrom()
                        .iterable(ids)
                        .filter(id -> !held.contains(id))
                        // a parsing job may have published chunks already: call them off with the failure
                        .onItem()
                        .transformToUniAndConcatenate(id ->
                                Panache.withTransaction(() -> jobs.failIfUnfinished(id, INTERRUPTED, UNFINISHED)
                                        .call(failed -> failed
                                                ? publisher.abort(id, INTERRUPTED)
                                                : Uni.createFrom().voidItem())))
                        .collect()
                        .asList())
                .map(results ->
                        (int) results.stream().filter(Boolean::booleanValue).count())
                .invoke(ended -> {
                    if (ended > 0) {
                        LOG.warnf("Ended %d credit import(s) abandoned by a stopped instance", ended);
                    }
                });
    }
}
