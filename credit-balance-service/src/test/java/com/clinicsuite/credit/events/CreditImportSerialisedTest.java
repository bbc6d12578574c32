package com.clinicsuite.credit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.credit.service.CreditImportApplier;
import com.clinicsuite.credit.service.CreditImportStaging;
import com.clinicsuite.events.imports.CreditRowsChunk;
import com.clinicsuite.events.imports.CreditRowsChunk.Row;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.vocabulary.ImportMode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.6: two replace-imports applied at the same time (two threads here; the consumer and the sweep, or two
 * replicas, in production) are serialised by the apply lock: the second waits for the first to commit, then replaces
 * what it committed. Without the lock the second's DELETE does not see the first's rows, uncommitted when it started,
 * and both sets stay in the table.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class CreditImportSerialisedTest {

    @Inject
    CreditImportStaging staging;

    @Inject
    CreditImportApplier applier;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void twoConcurrentReplaceImportsLeaveExactlyTheSetOfTheOneAppliedLast() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String marker = "SLOW" + tag;
        List<Row> first = rows("F" + tag, 300);
        first.add(row(first.size() + 2, marker));
        List<Row> second = rows("S" + tag, 250);
        String firstId = "imp-" + UUID.randomUUID();
        String secondId = "imp-" + UUID.randomUUID();
        String function = "credit_test_slow_" + tag.toLowerCase();
        // the first import's marker row takes 3 s to insert: its transaction is open (old rows deleted, some of its
        // own inserted) while the second one starts
        execute("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.client_code = '"
                + marker + "' THEN PERFORM pg_sleep(3); END IF; RETURN NEW; END $$");
        execute("CREATE TRIGGER " + function + " BEFORE INSERT ON credit_balance FOR EACH ROW EXECUTE FUNCTION "
                + function + "()");
        try {
            onContext(() -> Panache.withTransaction(() -> staging.stage(chunk(firstId, first))));
            onContext(() -> Panache.withTransaction(() -> staging.stage(chunk(secondId, second))));

            CompletableFuture<Void> firstApplied = apply(firstId);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'") >= 1);
            CompletableFuture<Void> secondApplied = apply(secondId);
            // the second one queues behind the first (it waits for the lock, it does not fail)
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                    + " AND query ILIKE '%credit_import_apply_lock%'")
                            >= 1);
            firstApplied.get(60, TimeUnit.SECONDS);
            secondApplied.get(60, TimeUnit.SECONDS);
        } finally {
            execute("DROP TRIGGER " + function + " ON credit_balance");
            execute("DROP FUNCTION " + function + "()");
        }

        assertThat(status(firstId)).isEqualTo("completed");
        assertThat(status(secondId)).isEqualTo("completed");
        // the first one held the lock (unless the 30 s sweep claimed them before the test threads did, in another
        // order): whichever finished last, its set is the whole table
        boolean secondLast = count("SELECT COUNT(*) FROM credit_import a, credit_import b WHERE a.import_id = '"
                        + firstId + "' AND b.import_id = '" + secondId + "' AND b.finished_at > a.finished_at")
                == 1;
        List<Row> last = secondLast ? second : first;
        List<Row> earlier = secondLast ? first : second;
        assertThat(codes())
                .as("exactly the rows of the import applied last, none of the other's")
                .isEqualTo(codesOf(last));
        assertThat(count("SELECT deleted FROM credit_import WHERE import_id = '" + (secondLast ? secondId : firstId)
                        + "'"))
                .as("the last replace deleted what the earlier one committed")
                .isEqualTo(earlier.size());
    }

    private CompletableFuture<Void> apply(String importId) {
        return CompletableFuture.runAsync(() -> onContext(() -> applier.apply(importId)), threads);
    }

    private static <T> T onContext(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static CreditRowsChunk chunk(String importId, List<Row> rows) {
        return new CreditRowsChunk(importId, ImportMode.REPLACE, "admin", 0, 1, rows.size(), rows);
    }

    private static List<Row> rows(String prefix, int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(i + 2, prefix + i));
        }
        return rows;
    }

    private static Row row(int sourceRow, String code) {
        return new Row(
                sourceRow,
                null,
                code,
                "Import Client",
                "9811012345",
                "import.client@example.com",
                "Botox",
                "PV",
                null,
                new BigDecimal("1000.00"),
                new BigDecimal("500.00"),
                new BigDecimal("100.00"),
                BigDecimal.ZERO,
                5,
                1,
                4);
    }

    private static Set<String> codesOf(List<Row> rows) {
        Set<String> codes = new TreeSet<>();
        rows.forEach(r -> codes.add(r.clientCode()));
        return codes;
    }

    private static Set<String> codes() throws SQLException {
        Set<String> codes = new TreeSet<>();
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT client_code FROM credit_balance")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    private static String status(String importId) throws SQLException {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT status FROM credit_import WHERE import_id = '" + importId + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
