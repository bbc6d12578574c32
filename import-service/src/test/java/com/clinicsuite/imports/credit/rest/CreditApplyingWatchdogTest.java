package com.clinicsuite.imports.credit.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.events.credit.CreditImportResult;
import com.clinicsuite.imports.credit.parse.CreditFixtures;
import com.clinicsuite.imports.credit.service.CreditApplyingWatchdog;
import com.clinicsuite.imports.credit.service.CreditImportResults;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.vocabulary.ImportStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.2: a credit import whose result never comes stays {@code applying} only until
 * {@code import.watchdog.credit-applying-timeout}: then it is failed (timed out) and called off once (one
 * {@code credit-import-aborted} event, keyed by the import like its chunks), even when two runs meet; a result
 * arriving late changes nothing.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class CreditApplyingWatchdogTest {

    private static final Duration LATER = Duration.ofMinutes(16);

    @Inject
    CreditApplyingWatchdog watchdog;

    @Inject
    CreditImportResults results;

    @Inject
    MeterRegistry registry;

    @Test
    void anImportWithoutResultIsEndedAndCalledOffOnceAndALateResultChangesNothing() throws Throwable {
        String id = given().auth()
                .oauth2(TestTokens.admin())
                .multiPart("file", new File(CreditFixtures.file("main.xlsx").toString()))
                .multiPart("mode", "replace")
                .post("/credit-balances/import")
                .then()
                .statusCode(202)
                .extract()
                .path("import_id");
        // nobody answers (credit-balance-service does not run here): it stays applying
        await().atMost(Duration.ofSeconds(60)).until(() -> "applying".equals(job(id).getString("status")));

        run(Instant.now());
        assertThat(job(id).getString("status"))
                .as("within the bound it is left alone")
                .isEqualTo("applying");

        double before = ended();
        CompletableFuture<Integer> first =
                CompletableFuture.supplyAsync(() -> run(Instant.now().plus(LATER)));
        CompletableFuture<Integer> second =
                CompletableFuture.supplyAsync(() -> run(Instant.now().plus(LATER)));
        int ended = first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS);
        assertThat(ended).isGreaterThanOrEqualTo(1);
        assertThat(ended() - before).isEqualTo(ended);

        JsonPath failed = job(id);
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("finished_at")).isNotNull();
        assertThat(failed.getList("errors.message", String.class))
                .anyMatch(m -> m.startsWith("Timed out: credit-balance-service did not report the import applied"
                        + " within 15 min. It was called off; nothing was changed."));
        assertThat(count(
                        "select count(*) from outbox_event where aggregate_key = ? and event_type = ?",
                        id,
                        "imports.credit-import-aborted.v1"))
                .as("called off exactly once")
                .isEqualTo(1);

        // credit-balance-service's result arrives after all: ignored
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                results.apply(new CreditImportResult(id, ImportStatus.COMPLETED, 1353, 1353, 0, 0, List.of(), null))));
        assertThat(job(id).getString("status")).isEqualTo("failed");
        run(Instant.now().plus(LATER));
        assertThat(count(
                        "select count(*) from outbox_event where aggregate_key = ? and event_type = ?",
                        id,
                        "imports.credit-import-aborted.v1"))
                .isEqualTo(1);
    }

    private int run(Instant now) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> watchdog.endOverdue(now));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath job(String id) {
        return given().auth()
                .oauth2(TestTokens.admin())
                .get("/imports/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private double ended() {
        var counter = registry.find("watchdog_ended")
                .tag("state", "credit_import_applying")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static long count(String sql, Object... args) throws Exception {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
