package com.clinicsuite.imports.debtors;

import static com.clinicsuite.imports.debtors.DebtorTestSupport.fixture;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.pharmacyExists;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryLong;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryString;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReportMovement;
import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.vocabulary.ReportStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * debtors.report-status carries two event types: debtors.report-processed.v1 (the answer about an upload) and
 * debtors.report-movement.v1 (debtor-service publishes one when a pharmacy's second report completes). Found by the
 * fault-injection suite (deploy/chaos/FINDINGS.md): the report-status consumer read a movement as an answer without a
 * report id, and the NullPointerException stopped the channel. The consumer now registers its handler for
 * report-processed only, and the inbox skips the other type by its {@code ce_type}: acked, counted in
 * {@code inbox_skipped_total}, never handed to the handler, never dead-lettered. A real movement event goes first on
 * the real topic, the answer about a real upload after it on the same partition: the answer must be recorded.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReportMovementSkippedTest {

    private static final String CONSUMER = "import-service.debtor-report-status";

    @Inject
    MeterRegistry registry;

    @Test
    void aReportMovementIsSkippedAndTheAnswerBehindItCompletesTheUpload() throws Exception {
        long pharmacy = 7312;
        pharmacyExists(pharmacy);
        String uploadId = given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .multiPart("file", "winterton_small.pdf", fixture("deb013/winterton_small.pdf"), "application/pdf")
                .post("/pharmacies/{id}/debtors/upload", pharmacy)
                .then()
                .statusCode(202) // debtor-service does not run here: this test answers for it
                .extract()
                .path("upload_id");
        double skippedBefore = skipped();

        String movementId;
        String answerId;
        try (EventPublisher publisher = new EventPublisher()) {
            ReportMovement.CountAndBalance none = new ReportMovement.CountAndBalance(0, BigDecimal.ZERO.setScale(2));
            ReportMovement.CountAndAmount nothing = new ReportMovement.CountAndAmount(0, BigDecimal.ZERO.setScale(2));
            movementId = publisher.send(
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
            // same key, same partition: consumed after the movement
            answerId = publisher.send(
                    EventCatalog.REPORT_PROCESSED,
                    Long.toString(pharmacy),
                    new ReportProcessed(
                            uploadId, pharmacy, 4242L, ReportStatus.COMPLETED, 26, new BigDecimal("12345.67"), null));
        }

        // the answer behind the movement reaches the upload: final state, with debtor-service's figures
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> "completed"
                        .equals(queryString("select status from debtor_report_upload where id = ?", uploadId)));
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .get("/pharmacies/{id}/debtors/uploads/{upload}", pharmacy, uploadId)
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"));
        assertThat(queryLong(
                        "select count(*) from debtor_report_upload where id = ? and debtor_report_id = 4242"
                                + " and total_outstanding = 12345.67",
                        uploadId))
                .isEqualTo(1);
        assertThat(queryLong(
                        "select count(*) from inbox_event where consumer = ? and event_id = ?", CONSUMER, answerId))
                .isEqualTo(1);

        // the movement: skipped by its type, neither processed by the handler nor dead-lettered
        assertThat(skipped() - skippedBefore).isEqualTo(1.0);
        assertThat(queryLong(
                        "select count(*) from inbox_event where consumer = ? and event_id = ?", CONSUMER, movementId))
                .isZero();
        assertThat(queryLong(
                        "select count(*) from inbox_dead_letter where consumer = ? and event_id = ?",
                        CONSUMER,
                        movementId))
                .isZero();

        // and the channel goes on ("[KO]" in the readiness check when a failure had stopped it)
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body(
                                "checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }"
                                        + ".data.'debtor-report-status'",
                                equalTo("[OK]")));
    }

    private double skipped() {
        var counter = registry.find("inbox.skipped")
                .tag("consumer", CONSUMER)
                .tag("type", EventCatalog.REPORT_MOVEMENT.type())
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
