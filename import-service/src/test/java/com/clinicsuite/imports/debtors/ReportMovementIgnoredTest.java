package com.clinicsuite.imports.debtors;

import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryLong;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReportMovement;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * debtors.report-status also carries debtors.report-movement.v1 (debtor-service publishes one when a pharmacy's
 * second report completes). Found by the fault-injection suite (deploy/chaos/FINDINGS.md): the report-status consumer
 * read it as an answer about an upload, without a report id, and the NullPointerException stopped the channel (the
 * instance's readiness DOWN, no later answer recorded). It is now recorded as processed and ignored.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReportMovementIgnoredTest {

    @Test
    void aReportMovementOnTheStatusTopicLeavesTheConsumerRunning() throws Exception {
        long pharmacy = 7311;
        String eventId;
        try (EventPublisher publisher = new EventPublisher()) {
            ReportMovement.CountAndBalance none = new ReportMovement.CountAndBalance(0, BigDecimal.ZERO.setScale(2));
            ReportMovement.CountAndAmount nothing = new ReportMovement.CountAndAmount(0, BigDecimal.ZERO.setScale(2));
            eventId = publisher.send(
                    EventCatalog.REPORT_MOVEMENT,
                    Long.toString(pharmacy),
                    new ReportMovement(
                            pharmacy,
                            1L,
                            2L,
                            LocalDate.parse("2026-10-31"),
                            LocalDate.parse("2026-11-30"),
                            new ReportMovement.Summary(
                                    none,
                                    none,
                                    nothing,
                                    nothing,
                                    nothing,
                                    new ReportMovement.Count(3),
                                    new BigDecimal("100.00"),
                                    new BigDecimal("100.00")),
                            Instant.parse("2026-12-07T16:33:21Z")));
        }
        // consumed: the inbox records it as processed...
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> queryLong("select count(*) from inbox_event where event_id = ?", eventId) == 1);
        // ...and the channel goes on (the NullPointerException had stopped it: "[KO]" in the readiness check)
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready")
                        .then()
                        .body(
                                "checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }"
                                        + ".data.'debtor-report-status'",
                                equalTo("[OK]")));
    }
}
