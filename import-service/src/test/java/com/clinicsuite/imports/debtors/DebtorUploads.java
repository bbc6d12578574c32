package com.clinicsuite.imports.debtors;

import static com.clinicsuite.imports.debtors.DebtorTestSupport.chunks;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.fixture;
import static io.restassured.RestAssured.given;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.testkit.EventPublisher;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
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
