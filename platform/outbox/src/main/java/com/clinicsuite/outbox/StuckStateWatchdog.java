package com.clinicsuite.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The skeleton every "no state without an end" watchdog shares (issue 18.2; written once, issue 20.6): one run is one
 * transaction that holds the job's {@link JobLock} row (one replica at a time; a replica that finds it held ends
 * nothing), in which the watchdog's own step ends a batch of operations stuck in one state and says how many; the
 * counter {@code watchdog_ended_total{state}} counts them and a WARN line says so (counts and the bound only, never
 * what the operations hold). A scheduled run that fails (database away, say) is logged and recovered: the next run
 * tries again, and nothing is counted (the transaction rolled back).
 * <p>
 * A watchdog is then only its query and its end step, each ending conditionally ({@code WHERE status = ... AND since
 * < :deadline}): the lock decides who works, the condition that nothing is ended twice or after it finished.
 *
 * <pre>{@code
 * run = new StuckStateWatchdog(ReportWatchdog.class, LOCK, "debtor_report_processing",
 *         "Report watchdog", "report(s) still processing", config.reportTimeout(), registry);
 * Uni<Void> onSchedule() { return run.scheduled(() -> endOverdue(clock.instant())); }
 * public Uni<Integer> endOverdue(Instant now) { return run.run(() -> endBatch(now)); }
 * }</pre>
 */
public final class StuckStateWatchdog {

    /** The counter's name (Prometheus: {@code watchdog_ended_total}). */
    public static final String ENDED = "watchdog_ended";

    private final int lock;
    private final String name;
    private final String ended;
    private final Duration bound;
    private final Logger log;
    private final Counter counter;

    /**
     * @param owner the watchdog class (its logger writes the lines, as before the skeleton)
     * @param lock the job's row of {@code outbox_relay_lock}, added by the service's migration
     * @param state the counter's {@code state} tag (e.g. {@code debtor_report_processing})
     * @param name how the log lines name the watchdog (e.g. {@code Report watchdog})
     * @param ended what it ends, for the log line (e.g. {@code report(s) still processing})
     * @param bound how long an operation may stay in the state (in the log line)
     */
    public StuckStateWatchdog(
            Class<?> owner, int lock, String state, String name, String ended, Duration bound, MeterRegistry registry) {
        this.lock = lock;
        this.name = Objects.requireNonNull(name);
        this.ended = Objects.requireNonNull(ended);
        this.bound = Objects.requireNonNull(bound);
        this.log = Logger.getLogger(owner);
        this.counter = Counter.builder(ENDED)
                .description("Operations a watchdog ended as failed (timed out), by the state they were stuck in")
                .tag("state", state)
                .register(registry);
    }

    /**
     * One run: {@code endBatch} in a transaction holding the job's lock row (0 without calling it when another replica
     * holds the row); what it ended is counted and logged once committed. Fails when the transaction fails (nothing
     * counted).
     */
    public Uni<Integer> run(Supplier<Uni<Integer>> endBatch) {
        return JobLock.inTransaction(lock, endBatch, 0).invoke(count -> {
            if (count > 0) {
                counter.increment(count);
                log.warnf("%s ended %d %s after %s", name, count, ended, bound);
            }
        });
    }

    /**
     * The body of the watchdog's {@code @Scheduled} method: the run {@code run} makes (typically {@code
     * endOverdue(now)}), its failure logged and recovered, so the scheduler's next run tries again.
     */
    public Uni<Void> scheduled(Supplier<Uni<Integer>> run) {
        return Uni.createFrom()
                .<Integer>deferred(() -> run.get())
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(e -> {
                    log.warnf("%s run failed, the next run tries again: %s", name, e.toString());
                    return null;
                });
    }

    /**
     * The usual batch: ends each of {@code stuck} in turn (one after the other, in the run's transaction) with
     * {@code end}, which says whether it ended that one (false: it finished or was ended meanwhile); how many it ended.
     */
    public static <T> Uni<Integer> endEach(List<T> stuck, Function<T, Uni<Boolean>> end) {
        return Multi.createFrom()
                .iterable(stuck)
                .onItem()
                .transformToUniAndConcatenate(item -> end.apply(item))
                .collect()
                .with(Collectors.filtering(Boolean::booleanValue, Collectors.counting()))
                .map(Long::intValue);
    }

    /** The bound this watchdog ends operations after. */
    public Duration bound() {
        return bound;
    }
}
