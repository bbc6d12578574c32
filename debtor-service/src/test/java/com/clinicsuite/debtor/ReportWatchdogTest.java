package com.clinicsuite.debtor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.debtor.service.ReportIngestion;
import com.clinicsuite.debtor.service.ReportWatchdog;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.2, no state without an end: a report stuck in {@code processing} (a chunk never came) is ended by
 * {@link ReportWatchdog} after {@code debtor.watchdog.report-timeout}: failed, timed out, announced once through the
 * outbox, the previous debtors intact; a late chunk changes nothing; two runs at once end it once.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReportWatchdogTest {

    /** Later than the 15-minute default timeout: every report processing now is overdue then. */
    private static final Duration LATER = Duration.ofMinutes(16);

    @Inject
    ReportWatchdog watchdog;

    @Inject
    ReportIngestion ingestion;

    @Inject
    MeterRegistry registry;

    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aReportStuckInProcessingIsEndedOnceAndItsLateChunkChangesNothing() throws Exception {
        long pharmacyId = Fixtures.pharmacy("Watchdog Pharmacy");
        Fixtures.report(pharmacyId, accounts("A", 20, "10.00"), 10);
        List<Map<String, Object>> before = Fixtures.debtorRows(pharmacyId);
        assertThat(before).hasSize(20);

        String stuckId = UUID.randomUUID().toString();
        List<DebtorReportChunk> stuck = Fixtures.chunks(pharmacyId, stuckId, accounts("S", 30, "99.00"), 10);
        assertThat(stuck).hasSize(3);
        Fixtures.send(stuck.get(0));
        Fixtures.send(stuck.get(1)); // the third never comes
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.count(
                                "SELECT COUNT(*) FROM debtor_report_chunk c JOIN debtor_report r ON r.id = c.report_id"
                                        + " WHERE r.import_report_id = ?",
                                stuckId)
                        == 2);

        // within the bound the watchdog leaves it alone
        run(Instant.now());
        assertThat(Fixtures.reportStatus(stuckId)).isEqualTo("processing");

        double endedBefore = endedCount();
        // two replicas' runs at the same moment: one holds the job, the other skips (or finds nothing left)
        CompletableFuture<Integer> first =
                CompletableFuture.supplyAsync(() -> run(Instant.now().plus(LATER)), threads);
        CompletableFuture<Integer> second =
                CompletableFuture.supplyAsync(() -> run(Instant.now().plus(LATER)), threads);
        int ended = first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS);
        assertThat(ended).isGreaterThanOrEqualTo(1);
        assertThat(endedCount() - endedBefore).isEqualTo(ended);

        assertThat(Fixtures.reportStatus(stuckId)).isEqualTo("failed");
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM debtor_report WHERE import_report_id = ? AND error_message LIKE"
                                + " 'Timed out: the report was still being processed 15 min after it arrived%'"
                                + " AND completed_at IS NOT NULL",
                        stuckId))
                .isEqualTo(1);
        assertThat(failedEvents(stuckId))
                .as("the failure is announced exactly once")
                .isEqualTo(1);
        assertThat(stagedAccounts(stuckId)).isZero();
        assertThat(Fixtures.debtorRows(pharmacyId))
                .as("the previous debtors are intact")
                .isEqualTo(before);

        // the missing chunk arrives late: ignored, whatever the transport (here: applied directly, as the inbox would)
        accept(stuck.get(2));
        assertThat(Fixtures.reportStatus(stuckId)).isEqualTo("failed");
        assertThat(failedEvents(stuckId)).isEqualTo(1);
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ?",
                        "%\"report_id\":\"" + stuckId + "\"%"))
                .as("no other event of the report")
                .isEqualTo(1);
        assertThat(stagedAccounts(stuckId)).isZero();
        assertThat(Fixtures.debtorRows(pharmacyId)).isEqualTo(before);

        // another run finds nothing more to end for it
        run(Instant.now().plus(LATER));
        assertThat(failedEvents(stuckId)).isEqualTo(1);
    }

    /**
     * The last chunk and the watchdog meet on the pharmacy's lock: the watchdog, queued first, ends the report; the
     * last chunk, let in after it, finds the report ended and applies nothing.
     */
    @Test
    void aLastChunkWaitingBehindTheWatchdogAppliesNothing() throws Exception {
        long pharmacyId = Fixtures.pharmacy("Watchdog Race Pharmacy");
        Fixtures.report(pharmacyId, accounts("P", 15, "5.00"), 10);
        List<Map<String, Object>> before = Fixtures.debtorRows(pharmacyId);
        String reportId = UUID.randomUUID().toString();
        List<DebtorReportChunk> chunks = Fixtures.chunks(pharmacyId, reportId, accounts("R", 20, "7.00"), 10);
        accept(chunks.get(0));
        assertThat(Fixtures.reportStatus(reportId)).isEqualTo("processing");

        CompletableFuture<Integer> watchdogRun;
        CompletableFuture<Void> lastChunk;
        try (Connection holder = SuiteInfrastructure.jdbcConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM pharmacy WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, pharmacyId);
                lock.executeQuery().close();
            }
            watchdogRun = CompletableFuture.supplyAsync(() -> run(Instant.now().plus(LATER)), threads);
            awaitWaitingForThePharmacyLock(1);
            lastChunk = CompletableFuture.runAsync(() -> accept(chunks.get(1)), threads);
            awaitWaitingForThePharmacyLock(2);
            holder.commit();
        }
        assertThat(watchdogRun.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1);
        lastChunk.get(60, TimeUnit.SECONDS);

        assertThat(Fixtures.reportStatus(reportId)).isEqualTo("failed");
        assertThat(failedEvents(reportId)).isEqualTo(1);
        assertThat(stagedAccounts(reportId))
                .as("the last chunk's staging went with it")
                .isZero();
        assertThat(Fixtures.debtorRows(pharmacyId)).isEqualTo(before);
    }

    private int run(Instant now) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> watchdog.endOverdue(now));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private void accept(DebtorReportChunk chunk) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> ingestion.accept(chunk)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private double endedCount() {
        var counter = registry.find("watchdog_ended")
                .tag("state", "debtor_report_processing")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static long failedEvents(String reportId) {
        return Fixtures.count(
                "SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ? AND payload LIKE '%\"status\":\"failed\"%'"
                        + " AND payload LIKE '%Timed out%'",
                "%\"report_id\":\"" + reportId + "\"%");
    }

    private static long stagedAccounts(String reportId) {
        return Fixtures.count(
                "SELECT COUNT(*) FROM staged_account s JOIN debtor_report r ON r.id = s.report_id"
                        + " WHERE r.import_report_id = ?",
                reportId);
    }

    private static void awaitWaitingForThePharmacyLock(int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.count("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                + " AND query ILIKE '%from pharmacy%for%update%'")
                        >= count);
    }

    private static List<DebtorReportChunk.Account> accounts(String prefix, int count, String amount) {
        List<DebtorReportChunk.Account> accounts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            accounts.add(Fixtures.account(prefix + i, "ACCOUNT " + prefix + i, amount, null, null));
        }
        return accounts;
    }
}
