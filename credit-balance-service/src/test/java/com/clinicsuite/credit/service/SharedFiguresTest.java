package com.clinicsuite.credit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.credit.repository.CenterTotals;
import com.clinicsuite.credit.repository.CreditBalanceFilter;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The cached figures (the stats totals, the lists' X-Total-Count) are computed once for every caller asking
 * meanwhile, and a caller that goes away takes nothing from the others. Under wrk, clients closing their connections
 * made 4 answers of {@code /credit-balances/stats/summary} 500 (CancellationException): with {@code @CacheResult} the
 * shared computation ran in the first caller's subscription and was cancelled with it. Real cache, real PostgreSQL;
 * the computation is held in flight by a table lock the test takes. Without the fix the totals' second caller gets
 * the CancellationException, and the count case had two count statements in flight after the cancellation.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class SharedFiguresTest {

    @Inject
    TotalsCache totalsCache;

    @Test
    void aCallerThatGoesAwayDoesNotCancelTheCountAnotherCallerWaitsFor() throws Exception {
        String marker = "shared" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        insertRecords(marker, 3);
        CreditBalanceFilter filter = new CreditBalanceFilter(null, marker, null, null, null);
        long version = System.nanoTime();
        Long count = secondCallerOfACancelledFirst("credit_balance", () -> totalsCache.count(version, filter));
        assertThat(count).isEqualTo(3L);
    }

    @Test
    void aCallerThatGoesAwayDoesNotCancelTheTotalsAnotherCallerWaitsFor() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> totalsCache.invalidate()); // a generation nobody asked yet
        List<CenterTotals> totals = secondCallerOfACancelledFirst("credit_center_totals", () -> totalsCache.totals(""));
        assertThat(totals.stream().mapToLong(CenterTotals::records).sum()).isEqualTo(recordsInTotals());
    }

    /**
     * Two callers of one figure that is not cached yet, each on a Vert.x duplicated context of its own (as two
     * requests): the first starts the computation, which waits on a table lock the test holds; the second joins it;
     * the first is cancelled (a client that closed its connection); the lock is released. Answers what the second
     * caller got.
     */
    private <T> T secondCallerOfACancelledFirst(String table, Supplier<Uni<T>> figure) throws Exception {
        Caller<T> first;
        Caller<T> second;
        try (Connection lock = SuiteInfrastructure.jdbcConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
            }
            first = Caller.start(figure);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLock(table) == 1);
            second = Caller.start(figure);
            await().atMost(Duration.ofSeconds(30)).until(() -> second.context != null);
            // queued behind the second caller's subscription on its event loop: it has joined the figure by then
            Caller<T> cancelled = first;
            second.context.runOnContext(ignored -> cancelled.cancel());
            await().atMost(Duration.ofSeconds(30)).untilTrue(first.cancelled);
            assertThat(waitingOnLock(table))
                    .as("one computation shared by both callers, still waiting for the lock")
                    .isEqualTo(1);
            lock.commit();
        }
        T answer = second.answer.get(30, TimeUnit.SECONDS);
        assertThat(first.answer).as("the cancelled caller hears nothing more").isNotDone();
        return answer;
    }

    /** A subscriber on a new duplicated context; {@link #context} is set once it has subscribed to the figure. */
    private static final class Caller<T> {
        final CompletableFuture<T> answer = new CompletableFuture<>();
        final AtomicBoolean cancelled = new AtomicBoolean();
        volatile Context context;
        volatile Cancellable subscription;

        static <T> Caller<T> start(Supplier<Uni<T>> figure) {
            Caller<T> caller = new Caller<>();
            VertxContextSupport.<T>subscribe(
                    () -> Panache.withSession(() ->
                                    figure.get().onSubscription().invoke(() -> caller.context = Vertx.currentContext()))
                            .toMulti(),
                    subscribe -> caller.subscription =
                            subscribe.with(caller.answer::complete, caller.answer::completeExceptionally));
            return caller;
        }

        void cancel() {
            subscription.cancel();
            cancelled.set(true);
        }
    }

    private static void insertRecords(String marker, int count) throws SQLException {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO credit_balance (client_code, client_name,"
                                + " treatment_name, center, created_at, updated_at) VALUES (?, ?, 'Botox', 'GK2', now(), now())")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, "SHF" + i);
                insert.setString(2, "Client " + marker);
                insert.executeUpdate();
            }
        }
    }

    private static long recordsInTotals() throws SQLException {
        return single("SELECT coalesce(sum(records), 0) FROM credit_center_totals WHERE records > 0");
    }

    private static long waitingOnLock(String table) throws SQLException {
        return single("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock' AND query ILIKE '%from " + table + " %'");
    }

    private static long single(String sql) throws SQLException {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
