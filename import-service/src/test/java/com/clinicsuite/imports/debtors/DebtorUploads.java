package com.clinicsuite.imports.debtors;

import static com.clinicsuite.imports.debtors.DebtorTestSupport.chunks;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.fixture;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryString;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.fixtures.AgeAnalysisReport;
import com.clinicsuite.vocabulary.ReportStatus;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The debtor report upload of the tests, as a pharmacy's user sends it ({@code POST
 * /pharmacies/{id}/debtors/upload}, multipart field {@code file}, optional {@code column_map}), and an upload left
 * waiting in the background for debtor-service's answer, which the test then gives ({@link Pending}).
 */
public final class DebtorUploads {

    public static final String PATH = "/pharmacies/{id}/debtors/upload";

    private DebtorUploads() {}

    /** Sends a generated report by its fixture name ({@code deb013/winterton_small.pdf}), named as its last part. */
    public static Response upload(long pharmacy, String token, String fixture) {
        return upload(pharmacy, token, fixture.substring(fixture.lastIndexOf('/') + 1), fixture(fixture));
    }

    /** Sends {@code content} as a PDF named {@code filename} (the service tells the kind by content). */
    public static Response upload(long pharmacy, String token, String filename, byte[] content) {
        return upload(pharmacy, token, filename, content, "application/pdf", null);
    }

    /**
     * @param columnMap the multipart field {@code column_map} (a JSON object heading -> field), or null: none sent
     */
    public static Response upload(
            long pharmacy, String token, String filename, byte[] content, String mediaType, String columnMap) {
        RequestSpecification request = given().auth().oauth2(token).multiPart("file", filename, content, mediaType);
        if (columnMap != null) {
            request = request.multiPart("column_map", columnMap);
        }
        return request.when().post(PATH, pharmacy).andReturn();
    }

    /** Starts the upload of a fixture in the background: it waits (up to the 12 s of the tests) for an answer. */
    public static Pending start(long pharmacy, String token, String fixture) {
        return new Pending(pharmacy, CompletableFuture.supplyAsync(() -> {
            Response response = upload(pharmacy, token, fixture);
            return new Answered(response, System.nanoTime());
        }));
    }

    /** {@link #start} as the pharmacy's writer. */
    public static Pending startAsWriter(long pharmacy, String fixture) {
        return start(pharmacy, TestTokens.pharmacyWriter(pharmacy), fixture);
    }

    /** The upload's status as recorded ({@code processing}, {@code completed}, {@code failed}). */
    public static String statusOf(String uploadId) throws Exception {
        return queryString("select status from debtor_report_upload where id = ?", uploadId);
    }

    /**
     * debtor-service's answer when it kept the report without applying it: {@code newer} (an upload id) is the
     * pharmacy's current report.
     */
    public static ReportProcessed superseded(
            String reportId, long pharmacy, Long debtorReportId, String reason, String newer) {
        return new ReportProcessed(
                reportId, pharmacy, debtorReportId, ReportStatus.FAILED, 0, BigDecimal.ZERO, reason, newer);
    }

    /** The upload's answer to a {@link #superseded} report: 409 report_superseded, naming the newer upload. */
    public static void assertSuperseded(Response response, String newer, String reason) {
        response.then()
                .statusCode(409)
                .body("code", equalTo("report_superseded"))
                .body(
                        "detail",
                        equalTo("Not applied: a newer report of this pharmacy is current (upload " + newer
                                + "); the debtors were not changed. " + reason));
    }

    /** The report's one chunk holds the ground truth: account count, total balance, each account's number, name,
     * 30 days and balance. */
    public static void assertChunkIsExact(AgeAnalysisReport truth, JsonNode chunk) {
        assertEquals(truth.accounts().size(), chunk.get("account_count").asInt());
        assertEquals(
                truth.totals().balance().toPlainString(),
                chunk.get("totals").get("balance").asText());
        for (int i = 0; i < truth.accounts().size(); i++) {
            JsonNode account = chunk.get("accounts").get(i);
            assertEquals(truth.accounts().get(i).accNo(), account.get("acc_no").asText(), "acc_no #" + i);
            assertEquals(truth.accounts().get(i).name(), account.get("name").asText(), "name #" + i);
            assertEquals(
                    truth.accounts().get(i).amounts().d30().toPlainString(),
                    account.get("amounts").get("d30").asText(),
                    "d30 #" + i);
            assertEquals(
                    truth.accounts().get(i).amounts().balance().toPlainString(),
                    account.get("amounts").get("balance").asText(),
                    "balance #" + i);
        }
    }

    /** An upload's answer and when it came ({@link System#nanoTime()}). */
    public record Answered(Response response, long atNanos) {

        /** The time from {@code sinceNanos} (a {@link System#nanoTime()}) to this answer. */
        public Duration after(long sinceNanos) {
            return Duration.ofNanos(atNanos - sinceNanos);
        }
    }

    /** An upload sent in the background, waiting for debtor-service's answer. */
    public static final class Pending {

        private final long pharmacy;
        private final CompletableFuture<Answered> answer;
        private JsonNode chunk;

        private Pending(long pharmacy, CompletableFuture<Answered> answer) {
            this.pharmacy = pharmacy;
            this.answer = answer;
        }

        /** The report's first chunk as it reached the broker (the upload was handed over), as JSON. */
        public JsonNode chunk() {
            if (chunk == null) {
                // generous: on a busy machine the first upload after the start takes long to parse and relay
                List<JsonNode> chunks = chunks(pharmacy, 1, Duration.ofSeconds(60));
                if (chunks.isEmpty()) {
                    throw new AssertionError("the upload of pharmacy " + pharmacy + " was not handed over: " + state());
                }
                chunk = chunks.get(0);
            }
            return chunk;
        }

        /** The upload's id, which names its report in the chunks and in debtor-service's answer. */
        public String reportId() {
            return chunk().get("report_id").asText();
        }

        /** Publishes debtor-service's answer as its outbox relay would; returns the event id. */
        public String answerWith(ReportProcessed processed) {
            return publish(processed, UUID.randomUUID().toString());
        }

        /** Publishes debtor-service's answer with the given event id (an inbox row may already hold it). */
        public String publish(ReportProcessed processed, String eventId) {
            try (EventPublisher publisher = new EventPublisher()) {
                return publisher.send(EventCatalog.REPORT_PROCESSED, Long.toString(pharmacy), processed, eventId);
            }
        }

        /** The upload's answer, waiting for it up to {@code timeout}. */
        public Answered answered(Duration timeout) {
            try {
                return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("the upload of pharmacy " + pharmacy + " was not answered", e);
            }
        }

        /** The upload's answer within 20 s. */
        public Response response() {
            return answered(Duration.ofSeconds(20)).response();
        }

        public boolean isAnswered() {
            return answer.isDone();
        }

        private String state() {
            return answer.isDone() ? "answered " + answer.join().response().statusLine() : "no answer yet";
        }
    }
}
