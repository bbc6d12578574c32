package com.clinicsuite.debtor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.debtor.service.ReportIngestion;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.auth.PharmacyUpserted;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.6, one writer per data set: the current report of a pharmacy is the one with the latest report date, then
 * the latest upload, whatever the completion order; two replacements never interleave (a row lock on the pharmacy);
 * and a report of a pharmacy not announced yet waits for it (bounded) instead of failing at once.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReportOrderTest {

    private static final Instant UPLOADED = Instant.parse("2026-11-16T08:00:00Z");

    @Inject
    ReportIngestion ingestion;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void anOlderReportArrivingAfterANewerOneIsKeptInTheHistoryButNotApplied() {
        long pharmacyId = Fixtures.pharmacy("Order Pharmacy");
        List<DebtorReportChunk.Account> newer = accounts("N", 30, "20.00");
        List<DebtorReportChunk.Account> older = accounts("O", 25, "10.00");
        String newerId = UUID.randomUUID().toString();
        String olderId = UUID.randomUUID().toString();

        chunks(pharmacyId, newerId, newer, LocalDate.of(2026, 11, 30), UPLOADED, 10)
                .forEach(Fixtures::send);
        assertThat(Fixtures.awaitFinished(newerId)).isEqualTo("completed");
        // uploaded later, but it is the age analysis of an earlier date
        chunks(pharmacyId, olderId, older, LocalDate.of(2026, 10, 31), UPLOADED.plusSeconds(60), 10)
                .forEach(Fixtures::send);
        assertThat(Fixtures.awaitFinished(olderId)).isEqualTo("failed");

        assertThat(debtors(pharmacyId)).isEqualTo(expected(newer));
        long newerRow = reportRow(newerId);
        assertThat(Fixtures.count("SELECT current_report_id FROM pharmacy WHERE id = ?", pharmacyId))
                .isEqualTo(newerRow);
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM debtor_report WHERE import_report_id = ? AND superseded_by = ?"
                                + " AND error_message LIKE 'Not applied: the pharmacy''s debtors already come from a"
                                + " newer report (report date 2026-11-30%' AND error_message LIKE"
                                + " '%current debtors are unchanged%'",
                        olderId, newerRow))
                .isEqualTo(1);
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM staged_account s JOIN debtor_report r ON r.id = s.report_id"
                                + " WHERE r.import_report_id = ?",
                        olderId))
                .as("the superseded report's staging is emptied")
                .isZero();
        // its final status is announced, naming the report that superseded it
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ? AND payload LIKE ?"
                                + " AND payload LIKE '%\"status\":\"failed\"%'",
                        "%\"report_id\":\"" + olderId + "\"%", "%\"superseded_by\":\"" + newerId + "\"%"))
                .isEqualTo(1);
    }

    @Test
    void theSameReportDateUploadedLaterReplacesAndALaterDateAlwaysDoes() {
        long pharmacyId = Fixtures.pharmacy("Order Pharmacy 2");
        LocalDate date = LocalDate.of(2026, 11, 30);
        List<DebtorReportChunk.Account> first = accounts("A", 12, "1.00");
        List<DebtorReportChunk.Account> second = accounts("B", 14, "2.00");
        List<DebtorReportChunk.Account> third = accounts("C", 9, "3.00");
        String firstId = UUID.randomUUID().toString();
        String secondId = UUID.randomUUID().toString();
        String thirdId = UUID.randomUUID().toString();
        chunks(pharmacyId, firstId, first, date, UPLOADED, 5).forEach(Fixtures::send);
        assertThat(Fixtures.awaitFinished(firstId)).isEqualTo("completed");
        chunks(pharmacyId, secondId, second, date, UPLOADED.plusSeconds(1), 5).forEach(Fixtures::send);
        assertThat(Fixtures.awaitFinished(secondId)).isEqualTo("completed");
        assertThat(debtors(pharmacyId)).isEqualTo(expected(second));
        // uploaded before the second one, but of a later date
        chunks(pharmacyId, thirdId, third, date.plusDays(1), UPLOADED.minusSeconds(3600), 5)
                .forEach(Fixtures::send);
        assertThat(Fixtures.awaitFinished(thirdId)).isEqualTo("completed");
        assertThat(debtors(pharmacyId)).isEqualTo(expected(third));
    }

    /**
     * Two reports of one pharmacy applied at the same time in two transactions on the real database (not through the
     * partition, which would take them one after the other). The newer one gets the pharmacy's lock first; the older
     * one waits for it, then finds the newer one current and is superseded. Without the lock the older one, finishing
     * last, would replace the newer one's debtors.
     */
    @Test
    void twoReportsAppliedConcurrentlyNeverMixAndTheNewerStaysCurrent() throws Exception {
        long pharmacyId = Fixtures.pharmacy("Concurrent Pharmacy");
        List<DebtorReportChunk.Account> newer = accounts("NEW", 400, "7.00");
        List<DebtorReportChunk.Account> older = accounts("OLD", 500, "5.00");
        // both share some accounts too, with different amounts
        newer.addAll(accounts("BOTH", 50, "70.00"));
        older.addAll(accounts("BOTH", 50, "50.00"));
        String newerId = UUID.randomUUID().toString();
        String olderId = UUID.randomUUID().toString();
        List<DebtorReportChunk> newerChunks =
                chunks(pharmacyId, newerId, newer, LocalDate.of(2026, 11, 30), UPLOADED, 1000);
        List<DebtorReportChunk> olderChunks =
                chunks(pharmacyId, olderId, older, LocalDate.of(2026, 11, 29), UPLOADED.plusSeconds(5), 1000);

        CompletableFuture<Void> newerDone;
        CompletableFuture<Void> olderDone;
        try (Connection holder = SuiteInfrastructure.jdbcConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM pharmacy WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, pharmacyId);
                lock.executeQuery().close();
            }
            newerDone = apply(newerChunks.get(0));
            awaitWaitingForTheLock(1);
            olderDone = apply(olderChunks.get(0));
            awaitWaitingForTheLock(2);
            holder.commit();
        }
        newerDone.get(60, TimeUnit.SECONDS);
        olderDone.get(60, TimeUnit.SECONDS);

        assertThat(Fixtures.reportStatus(newerId)).isEqualTo("completed");
        assertThat(Fixtures.reportStatus(olderId)).isEqualTo("failed");
        assertThat(debtors(pharmacyId)).as("exactly the newer set").isEqualTo(expected(newer));
        assertThat(Fixtures.count("SELECT current_report_id FROM pharmacy WHERE id = ?", pharmacyId))
                .isEqualTo(reportRow(newerId));
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM debtor_report WHERE import_report_id = ? AND superseded_by = ?",
                        olderId,
                        reportRow(newerId)))
                .isEqualTo(1);
    }

    /** The same race the other way round: the older one applies first, the newer one replaces it entirely. */
    @Test
    void twoReportsAppliedConcurrentlyOlderFirstEndWithTheNewerSet() throws Exception {
        long pharmacyId = Fixtures.pharmacy("Concurrent Pharmacy 2");
        List<DebtorReportChunk.Account> newer = accounts("NEW", 300, "7.00");
        List<DebtorReportChunk.Account> older = accounts("OLD", 350, "5.00");
        String newerId = UUID.randomUUID().toString();
        String olderId = UUID.randomUUID().toString();
        CompletableFuture<Void> olderDone;
        CompletableFuture<Void> newerDone;
        try (Connection holder = SuiteInfrastructure.jdbcConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM pharmacy WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, pharmacyId);
                lock.executeQuery().close();
            }
            olderDone = apply(chunks(pharmacyId, olderId, older, LocalDate.of(2026, 11, 29), UPLOADED, 1000)
                    .get(0));
            awaitWaitingForTheLock(1);
            newerDone = apply(chunks(pharmacyId, newerId, newer, LocalDate.of(2026, 11, 30), UPLOADED, 1000)
                    .get(0));
            awaitWaitingForTheLock(2);
            holder.commit();
        }
        olderDone.get(60, TimeUnit.SECONDS);
        newerDone.get(60, TimeUnit.SECONDS);
        assertThat(Fixtures.reportStatus(olderId)).isEqualTo("completed");
        assertThat(Fixtures.reportStatus(newerId)).isEqualTo("completed");
        assertThat(debtors(pharmacyId)).isEqualTo(expected(newer));
        assertThat(Fixtures.count("SELECT current_report_id FROM pharmacy WHERE id = ?", pharmacyId))
                .isEqualTo(reportRow(newerId));
    }

    /**
     * A report can overtake auth-service's announcement of a new pharmacy: it waits (the inbox retries it, bounded
     * by debtor.reports.unknown-pharmacy-wait, 4 s in tests) and applies once the pharmacy is known.
     */
    @Test
    void aReportArrivingBeforeItsPharmacyIsAppliedOnceThePharmacyIsAnnounced() {
        long pharmacyId = 8_000_000_000L + System.nanoTime() % 1_000_000;
        List<DebtorReportChunk.Account> accounts = accounts("U", 20, "4.00");
        String reportId = UUID.randomUUID().toString();
        chunks(pharmacyId, reportId, accounts, LocalDate.of(2026, 11, 30), UPLOADED, 1000)
                .forEach(Fixtures::send);
        // the first attempts found the pharmacy unknown and rolled back: nothing recorded, nothing failed
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Fixtures.reportStatus(reportId) == null);
        Fixtures.EVENTS.send(
                EventCatalog.PHARMACY_UPSERTED,
                Long.toString(pharmacyId),
                new PharmacyUpserted(pharmacyId, "Late Pharmacy", "L" + pharmacyId, true));
        assertThat(Fixtures.awaitFinished(reportId)).isEqualTo("completed");
        assertThat(debtors(pharmacyId)).isEqualTo(expected(accounts));
    }

    /** A pharmacy that is never announced: after the bounded wait the report fails, saying why. */
    @Test
    void aReportOfAPharmacyNeverAnnouncedFailsAfterTheBoundedWait() {
        long pharmacyId = 8_100_000_000L + System.nanoTime() % 1_000_000;
        String reportId = UUID.randomUUID().toString();
        long sent = System.nanoTime();
        chunks(pharmacyId, reportId, accounts("X", 3, "1.00"), null, UPLOADED, 1000)
                .forEach(Fixtures::send);
        assertThat(Fixtures.awaitFinished(reportId)).isEqualTo("failed");
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM debtor_report WHERE import_report_id = ? AND error_message LIKE ?",
                        reportId,
                        "Pharmacy " + pharmacyId + " is unknown to debtor-service (waited %"))
                .isEqualTo(1);
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM inbox_dead_letter WHERE consumer = 'debtor-service.debtor-reports'"
                                + " AND payload LIKE ?",
                        "%" + reportId + "%"))
                .as("a final status, not a dead letter")
                .isZero();
    }

    private CompletableFuture<Void> apply(DebtorReportChunk chunk) {
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        VertxContextSupport.subscribeAndAwait(
                                () -> Panache.withTransaction(() -> ingestion.accept(chunk)));
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                },
                threads);
    }

    /** Waits until {@code count} sessions wait for a row lock on the pharmacy table. */
    private static void awaitWaitingForTheLock(int count) {
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

    private static List<DebtorReportChunk> chunks(
            long pharmacyId,
            String reportId,
            List<DebtorReportChunk.Account> accounts,
            LocalDate reportDate,
            Instant uploadedAt,
            int chunkSize) {
        return Fixtures.chunks(pharmacyId, reportId, accounts, chunkSize).stream()
                .map(c -> new DebtorReportChunk(
                        c.reportId(),
                        c.pharmacyId(),
                        c.filename(),
                        c.fileSha256(),
                        c.source(),
                        c.uploadedBy(),
                        c.uploadedByName(),
                        uploadedAt,
                        reportDate,
                        c.accountCount(),
                        c.totals(),
                        c.chunkIndex(),
                        c.chunkCount(),
                        c.accounts()))
                .toList();
    }

    private static Map<String, String> expected(List<DebtorReportChunk.Account> accounts) {
        Map<String, String> expected = new TreeMap<>();
        accounts.forEach(a -> expected.put(a.accNo(), a.amounts().balance().toPlainString()));
        return expected;
    }

    /** acc_no -> balance of the pharmacy's debtors. */
    private static Map<String, String> debtors(long pharmacyId) {
        Map<String, String> debtors = new TreeMap<>();
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement s = c.prepareStatement("SELECT acc_no, balance FROM debtor WHERE pharmacy_id = ?")) {
            s.setLong(1, pharmacyId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    debtors.put(rs.getString(1), rs.getBigDecimal(2).toPlainString());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return debtors;
    }

    private static long reportRow(String importReportId) {
        return Fixtures.count("SELECT id FROM debtor_report WHERE import_report_id = ?", importReportId);
    }
}
