package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.6: the reminder cool-down is checked and recorded atomically. Two requests to remind the same account on
 * the same channel at the same moment (two clicks, two replicas) queue one reminder: the second, serialised behind
 * the first by the pharmacy's row lock, sees the first's reminder and is refused by the cool-down.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReminderCoolDownRaceTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void twoConcurrentRequestsForOneAccountQueueOneReminder() throws Exception {
        long pharmacyId = Fixtures.pharmacy("Cool-down Race Pharmacy");
        Fixtures.channels(pharmacyId, true, false);
        Fixtures.report(
                pharmacyId,
                List.of(Fixtures.account("300001", "RACE ACCOUNT", "250.00", "race@example.com", null)),
                10);
        long debtorId = Fixtures.count("SELECT id FROM debtor WHERE pharmacy_id = ?", pharmacyId);

        CompletableFuture<JsonPath> first;
        CompletableFuture<JsonPath> second;
        // both requests are let go at the same moment: they check the cool-down together unless serialised
        try (Connection holder = SuiteInfrastructure.jdbcConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM pharmacy WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, pharmacyId);
                lock.executeQuery().close();
            }
            first = CompletableFuture.supplyAsync(() -> remind(pharmacyId, debtorId), threads);
            second = CompletableFuture.supplyAsync(() -> remind(pharmacyId, debtorId), threads);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Fixtures.count("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                    + " AND query ILIKE '%from pharmacy%for%update%'")
                            >= 2);
            holder.commit();
        }
        List<JsonPath> answers = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

        assertThat(answers.stream().mapToInt(a -> a.getList("sent").size()).sum())
                .as("one reminder queued")
                .isEqualTo(1);
        JsonPath refused = answers.stream()
                .filter(a -> a.getList("sent").isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(refused.getString("errors[0].error")).contains("force");
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM communication WHERE pharmacy_id = ? AND acc_no = '300001'", pharmacyId))
                .isEqualTo(1);
    }

    private static JsonPath remind(long pharmacyId, long debtorId) {
        return given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(Map.of("debtor_ids", List.of(debtorId)))
                .post("/pharmacies/{p}/debtors/send-email", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
