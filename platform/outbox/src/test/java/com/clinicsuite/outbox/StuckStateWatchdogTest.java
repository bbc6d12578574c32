package com.clinicsuite.outbox;

import static com.clinicsuite.outbox.OutboxTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.clinicsuite.testkit.SuiteInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The watchdog skeleton against a real PostgreSQL: one replica at a time (a second run while the first holds the
 * job's lock row ends nothing and never runs its batch), each operation ended once, a failing run rolled back,
 * recovered and counted nothing.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class StuckStateWatchdogTest {

    private static final int LOCK = 2;
    private static final String STATE = "test_job_stuck";

    @Inject
    MeterRegistry registry;

    private StuckStateWatchdog watchdog() {
        return new StuckStateWatchdog(
                StuckStateWatchdogTest.class,
                LOCK,
                STATE,
                "Test watchdog",
                "job(s) still stuck",
                Duration.ofMinutes(15),
                registry);
    }

    @Test
    void twoConcurrentRunsEndAStuckOperationOnce() throws Throwable {
        long job = insertStuckJob();
        StuckStateWatchdog first = watchdog();
        StuckStateWatchdog second = watchdog(); // another replica: same lock row, same counter
        double before = ended();
        CompletableFuture<Void> firstHolds = new CompletableFuture<>();
        CompletableFuture<Void> secondDone = new CompletableFuture<>();
        // the first run ends the job, then keeps its transaction (and the lock row) open until the second run is over
        CompletableFuture<Integer> firstRun = CompletableFuture.supplyAsync(() -> {
            try {
                return VertxContextSupport.subscribeAndAwait(() -> first.run(() -> {
                    // back on this run's context when the second run is over (Hibernate Reactive needs it)
                    Context context = Vertx.currentContext();
                    return end(job).invoke(() -> firstHolds.complete(null))
                            .chain(count -> Uni.createFrom()
                                    .completionStage(secondDone)
                                    .emitOn(command -> context.runOnContext(ignored -> command.run()))
                                    .replaceWith(count));
                }));
            } catch (Throwable e) {
                firstHolds.completeExceptionally(e);
                throw new IllegalStateException(e);
            }
        });
        firstHolds.get(60, TimeUnit.SECONDS);
        AtomicBoolean secondBatchRan = new AtomicBoolean();
        int secondEnded;
        try {
            secondEnded = VertxContextSupport.subscribeAndAwait(() -> second.run(() -> {
                secondBatchRan.set(true);
                return end(job);
            }));
        } finally {
            secondDone.complete(null);
        }
        int firstEnded = firstRun.get(60, TimeUnit.SECONDS);

        assertThat(firstEnded).isEqualTo(1);
        assertThat(secondEnded).isZero();
        assertThat(secondBatchRan)
                .as("the second replica's batch runs only with the lock")
                .isFalse();
        assertThat(status(job)).isEqualTo("ended");
        assertThat(ended() - before).isEqualTo(1.0);

        // a later run holds the lock, but the end is conditional: the ended job is not ended again
        int again = VertxContextSupport.subscribeAndAwait(() -> second.run(() -> end(job)));
        assertThat(again).isZero();
        assertThat(ended() - before).isEqualTo(1.0);
    }

    @Test
    void aFailingRunIsRolledBackRecoveredAndCountsNothing() throws Throwable {
        long job = insertStuckJob();
        StuckStateWatchdog watchdog = watchdog();
        double before = ended();

        // run: fails, and what the batch wrote before failing is rolled back with the lock's transaction
        Throwable failure = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(() -> watchdog.run(
                () -> end(job).chain(count -> Uni.createFrom().failure(new IllegalStateException("database away"))))));
        assertThat(failure).hasMessageContaining("database away");
        assertThat(status(job)).isEqualTo("stuck");

        // scheduled: the same failure is logged and recovered (the scheduler's next run tries again)
        Void recovered = VertxContextSupport.subscribeAndAwait(() -> watchdog.scheduled(() -> watchdog.run(
                () -> end(job).chain(count -> Uni.createFrom().failure(new IllegalStateException("database away"))))));
        assertThat(recovered).isNull();
        assertThat(status(job)).isEqualTo("stuck");
        assertThat(ended() - before).isZero();

        // a run that throws before it returns a Uni is recovered too
        VertxContextSupport.subscribeAndAwait(() -> watchdog.scheduled(() -> {
            throw new IllegalStateException("no run");
        }));

        // the next run ends it
        int ended = VertxContextSupport.subscribeAndAwait(() -> watchdog.run(() -> end(job)));
        assertThat(ended).isEqualTo(1);
        assertThat(status(job)).isEqualTo("ended");
        assertThat(ended() - before).isEqualTo(1.0);
    }

    @Test
    void endEachCountsOnlyWhatItEnded() throws Throwable {
        long stuck = insertStuckJob();
        long other = insertStuckJob();
        StuckStateWatchdog watchdog = watchdog();
        VertxContextSupport.subscribeAndAwait(() -> watchdog.run(() -> end(other))); // ended already
        int ended = VertxContextSupport.subscribeAndAwait(() -> watchdog.run(() ->
                StuckStateWatchdog.endEach(java.util.List.of(stuck, other), id -> end(id).map(count -> count == 1))));
        assertThat(ended).isEqualTo(1);
        assertThat(count("select count(*) from stuck_job where status = 'ended' and id in (" + stuck + ", " + other
                        + ")"))
                .isEqualTo(2);
    }

    /** The end step: a conditional update, as every watchdog's; how many it ended (0 or 1). */
    private static Uni<Integer> end(long job) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update stuck_job set status = 'ended' where id = ?1 and status = 'stuck'")
                        .setParameter(1, job)
                        .executeUpdate());
    }

    private double ended() {
        Counter counter =
                registry.find(StuckStateWatchdog.ENDED).tag("state", STATE).counter();
        return counter == null ? 0 : counter.count();
    }

    private static long insertStuckJob() throws Exception {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("insert into stuck_job (status) values ('stuck') returning id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String status(long job) throws Exception {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement().executeQuery("select status from stuck_job where id = " + job)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
