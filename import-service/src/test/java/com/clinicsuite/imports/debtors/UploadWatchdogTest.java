package com.clinicsuite.imports.debtors;

import static com.clinicsuite.imports.debtors.DebtorTestSupport.pharmacyExists;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryLong;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryString;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.imports.debtors.service.ReportStatusService;
import com.clinicsuite.imports.debtors.service.UploadWatchdog;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.vocabulary.ReportStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.2: an upload whose answer from debtor-service never comes is ended by {@link UploadWatchdog} after
 * {@code import.watchdog.upload-timeout} (failed, timed out), once even when two runs meet; the answer arriving late is
 * ignored.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class UploadWatchdogTest {

    /** Later than the 20-minute default timeout. */
    private static final Duration LATER = Duration.ofMinutes(21);

    @Inject
    UploadWatchdog watchdog;

    @Inject
    ReportStatusService statuses;

    @Inject
    MeterRegistry registry;

    @Test
    void anUploadWithoutAnswerIsEndedOnceAndALateAnswerChangesNothing() throws Throwable {
        long pharmacy = 7331;
        pharmacyExists(pharmacy);
        String uploadId = DebtorUploads.upload(
                        pharmacy, TestTokens.pharmacyWriter(pharmacy), "deb013/winterton_small.pdf")
                .then()
                .statusCode(202) // nobody answers: debtor-service does not run here
                .extract()
                .path("upload_id");
        assertThat(queryString("select status from debtor_report_upload where id = ?", uploadId))
                .isEqualTo("processing");

        run(Instant.now());
        assertThat(queryString("select status from debtor_report_upload where id = ?", uploadId))
                .as("within the bound it is left alone")
                .isEqualTo("processing");

        double before = ended();
        CompletableFuture<Integer> first =
                CompletableFuture.supplyAsync(() -> run(Instant.now().plus(LATER)));
        CompletableFuture<Integer> second =
                CompletableFuture.supplyAsync(() -> run(Instant.now().plus(LATER)));
        int ended = first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS);
        assertThat(ended).isGreaterThanOrEqualTo(1);
        assertThat(ended() - before).isEqualTo(ended);

        String status = "/pharmacies/" + pharmacy + "/debtors/uploads/" + uploadId;
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .get(status)
                .then()
                .statusCode(200)
                .body("status", equalTo("failed"))
                .body("error", startsWith("Timed out: debtor-service did not answer within 20 min."))
                .body("report_id", nullValue());

        // debtor-service's answer arrives after all (as the consumer would hand it over): ignored
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> statuses.apply(new ReportProcessed(
                uploadId, pharmacy, 777L, ReportStatus.COMPLETED, 26, new BigDecimal("1.00"), null))));
        assertThat(queryString("select status from debtor_report_upload where id = ?", uploadId))
                .isEqualTo("failed");
        assertThat(queryLong(
                        "select count(*) from debtor_report_upload where id = ? and debtor_report_id is null"
                                + " and error like 'Timed out%'",
                        uploadId))
                .isEqualTo(1);
    }

    private int run(Instant now) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> watchdog.endOverdue(now));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private double ended() {
        var counter = registry.find("watchdog_ended")
                .tag("state", "debtor_upload_processing")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
