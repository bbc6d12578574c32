package com.clinicsuite.imports.debtors;

import static com.clinicsuite.imports.debtors.DebtorTestSupport.chunks;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.fixture;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.pharmacyExists;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryLong;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryString;
import static com.clinicsuite.imports.debtors.DebtorUploads.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.imports.debtors.DebtorUploads.Pending;
import com.clinicsuite.imports.debtors.pdf.GroundTruth;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.fixtures.AgeAnalysisReport;
import com.clinicsuite.testkit.fixtures.Deb013Account;
import com.clinicsuite.testkit.fixtures.Deb013Report;
import com.clinicsuite.vocabulary.ReportStatus;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class DebtorReportUploadTest {

    private static final String PATH = DebtorUploads.PATH;

    @Test
    void uploadIsHandedOverAndAnswered200OnceApplied_thenTheSameFileIsRecognised() throws Exception {
        long pharmacy = 7001;
        pharmacyExists(pharmacy);
        Pending upload = DebtorUploads.startAsWriter(pharmacy, "deb013/winterton_small.pdf");

        Deb013Report truth = GroundTruth.deb013("winterton_small").truth();
        int gluedIndex = truth.accounts().indexOf(truth.glued().get(0));
        assertTrue(gluedIndex < 10, "a name glued to its amount among the first 10 accounts");
        Deb013Account glued = truth.accounts().get(gluedIndex);
        List<JsonNode> chunks = chunks(pharmacy, 1, Duration.ofSeconds(20));
        assertEquals(1, chunks.size());
        JsonNode chunk = chunks.get(0);
        assertEquals("upload", chunk.get("source").asText());
        assertEquals("winterton_small.pdf", chunk.get("filename").asText());
        assertEquals(26, chunk.get("account_count").asInt());
        assertEquals(0, chunk.get("chunk_index").asInt());
        assertEquals(1, chunk.get("chunk_count").asInt());
        assertEquals(truth.reportDate().toString(), chunk.get("report_date").asText());
        assertEquals(
                truth.totals().balance().toPlainString(),
                chunk.get("totals").get("balance").asText());
        assertEquals(26, chunk.get("accounts").size());
        JsonNode gluedInChunk = chunk.get("accounts").get(gluedIndex);
        assertEquals(glued.name(), gluedInChunk.get("name").asText());
        assertEquals(
                glued.amounts().current().toPlainString(),
                gluedInChunk.get("amounts").get("current").asText());
        assertEquals(
                glued.phone(),
                gluedInChunk.get("phone").isNull()
                        ? null
                        : gluedInChunk.get("phone").asText());
        String reportId = chunk.get("report_id").asText();
        assertEquals(reportId, upload.reportId());

        upload.answerWith(new ReportProcessed(
                reportId, pharmacy, 4242L, ReportStatus.COMPLETED, 24, new BigDecimal("29509.89"), null));
        upload.response()
                .then()
                .statusCode(200)
                .body("report_id", equalTo(4242))
                .body("total_accounts", equalTo(24))
                .body("total_outstanding", equalTo(29509.89f))
                .body("debtors", hasSize(10))
                .body("debtors[0].acc_no", equalTo(truth.accounts().get(0).accNo()))
                .body("debtors[0].name", equalTo(truth.accounts().get(0).name()))
                .body(
                        "debtors[0].current",
                        equalTo(truth.accounts().get(0).amounts().current().floatValue()))
                .body(
                        "debtors[0].is_medical_aid_control",
                        equalTo(truth.accounts().get(0).medicalAidControl()))
                .body("debtors[" + gluedIndex + "].name", equalTo(glued.name()))
                .body("debtors[" + gluedIndex + "].phone", equalTo(glued.phone()));
        assertEquals("completed", DebtorUploads.statusOf(reportId));
        assertEquals(
                64,
                queryString("select sha256 from debtor_report_upload where id = ?", reportId)
                        .length());

        // the same file again: the earlier result, nothing handed over again
        upload(pharmacy, TestTokens.pharmacyWriter(pharmacy), "deb013/winterton_small.pdf")
                .then()
                .statusCode(200)
                .body("report_id", equalTo(4242))
                .body("debtors", hasSize(10));
        assertEquals(1, chunks(pharmacy, 2, Duration.ofSeconds(3)).size());
    }

    /** Issue 24: an age analysis saved as .xlsx is read like a PDF and handed over the same way. */
    @Test
    void aSpreadsheetAgeAnalysisIsHandedOverLikeAPdf() throws Exception {
        long pharmacy = 7006;
        pharmacyExists(pharmacy);
        Pending upload = DebtorUploads.startAsWriter(pharmacy, "debtors/l6_small.xlsx");

        AgeAnalysisReport truth = GroundTruth.layout("debtors/l6_small.xlsx").truth();
        List<JsonNode> chunks = chunks(pharmacy, 1, Duration.ofSeconds(20));
        assertEquals(1, chunks.size());
        JsonNode chunk = chunks.get(0);
        assertEquals("l6_small.xlsx", chunk.get("filename").asText());
        assertEquals(truth.reportDate().toString(), chunk.get("report_date").asText());
        DebtorUploads.assertChunkIsExact(truth, chunk);

        upload.answerWith(new ReportProcessed(
                upload.reportId(),
                pharmacy,
                4243L,
                ReportStatus.COMPLETED,
                truth.accounts().size(),
                truth.totals().balance(),
                null));
        upload.response()
                .then()
                .statusCode(200)
                .body("report_id", equalTo(4243))
                .body("debtors[0].acc_no", equalTo(truth.accounts().get(0).accNo()));
    }

    @Test
    void noAnswerInTimeIs202WithALocationToPollAndALargeReportTravelsInChunks() throws Exception {
        long pharmacy = 7002;
        pharmacyExists(pharmacy);
        Response accepted = upload(pharmacy, TestTokens.pharmacyWriter(pharmacy), "deb013/reitz_large.pdf");
        accepted.then()
                .statusCode(202)
                .body("report_id", nullValue())
                .body("upload_id", notNullValue())
                .body("status", equalTo("processing"));
        String uploadId = accepted.jsonPath().getString("upload_id");
        String status = "/pharmacies/" + pharmacy + "/debtors/uploads/" + uploadId;
        assertTrue(accepted.header("Location").endsWith(status), accepted.header("Location"));

        // a read grant is enough to poll; the upload is processing until debtor-service answers
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .get(status)
                .then()
                .statusCode(200)
                .body("upload_id", equalTo(uploadId))
                .body("pharmacy_id", equalTo((int) pharmacy))
                .body("status", equalTo("processing"))
                .body("filename", equalTo("reitz_large.pdf"))
                .body("report_id", nullValue())
                .body("error", nullValue());

        List<JsonNode> chunks = chunks(pharmacy, 2, Duration.ofSeconds(20));
        assertEquals(2, chunks.size());
        assertEquals(chunks.get(0).get("report_id"), chunks.get(1).get("report_id"));
        assertEquals(
                1000 + 541,
                chunks.get(0).get("accounts").size()
                        + chunks.get(1).get("accounts").size());
        assertEquals(
                List.of(0, 1),
                chunks.stream().map(c -> c.get("chunk_index").asInt()).sorted().toList());
        assertTrue(chunks.stream()
                .allMatch(c -> c.get("chunk_count").asInt() == 2
                        && c.get("account_count").asInt() == 1541));
        assertEquals(uploadId, chunks.get(0).get("report_id").asText());

        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send(
                    EventCatalog.REPORT_PROCESSED,
                    Long.toString(pharmacy),
                    new ReportProcessed(
                            uploadId,
                            pharmacy,
                            5150L,
                            ReportStatus.COMPLETED,
                            1541,
                            new BigDecimal("812345.67"),
                            null));
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.pharmacyReader(pharmacy))
                        .get(status)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("completed"))
                        .body("report_id", equalTo(5150))
                        .body("total_accounts", equalTo(1541))
                        .body("finished_at", notNullValue()));

        // another pharmacy's grant: 403; an upload of another pharmacy or none at all: 404; no token: 401
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy + 1))
                .get(status)
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy + 1))
                .get("/pharmacies/" + (pharmacy + 1) + "/debtors/uploads/" + uploadId)
                .then()
                .statusCode(404)
                .body("code", equalTo("not_found"));
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/pharmacies/" + pharmacy + "/debtors/uploads/no-such-upload")
                .then()
                .statusCode(404)
                .body("code", equalTo("not_found"));
        given().get(status).then().statusCode(401);
    }

    @Test
    void aReportDebtorServiceRefusesIs422WithItsError() throws Exception {
        long pharmacy = 7003;
        pharmacyExists(pharmacy);
        Pending upload = DebtorUploads.start(pharmacy, TestTokens.admin(), "debtors/l1_small.pdf");
        String reportId = upload.reportId();
        upload.answerWith(new ReportProcessed(
                reportId, pharmacy, null, ReportStatus.FAILED, 0, BigDecimal.ZERO, "chunk 0 of 1 never arrived"));
        upload.response().then().statusCode(422).body("detail", equalTo("chunk 0 of 1 never arrived"));
        assertEquals("failed", DebtorUploads.statusOf(reportId));
    }

    /**
     * Issue 18.6 / 18.2: debtor-service kept the report in the history without applying it, because a newer report of
     * the pharmacy is current: 409 report_superseded naming the newer report's upload, not a 422.
     */
    @Test
    void aReportSupersededByANewerOneIs409ReportSupersededNamingIt() throws Exception {
        long pharmacy = 7321;
        pharmacyExists(pharmacy);
        Pending upload = DebtorUploads.startAsWriter(pharmacy, "debtors/l1_small.pdf");
        String reportId = upload.reportId();
        String newer = "5b0c2a34-1d1e-4c3b-9f00-7321aaaabbbb";
        String reason = "Not applied: the pharmacy's debtors already come from a newer report (report date"
                + " 2026-11-30, uploaded 2026-12-01T08:00:00Z) than this one.";
        upload.answerWith(DebtorUploads.superseded(reportId, pharmacy, 99L, reason, newer));
        DebtorUploads.assertSuperseded(upload.response(), newer, reason);
        assertEquals(newer, queryString("select superseded_by from debtor_report_upload where id = ?", reportId));
        assertEquals("failed", DebtorUploads.statusOf(reportId));
    }

    @Test
    void badFilesAreRefusedAndNothingIsPublished() throws Exception {
        long pharmacy = 7004;
        pharmacyExists(pharmacy);
        String token = TestTokens.pharmacyWriter(pharmacy);
        upload(pharmacy, token, "debtors/bad/bad_not_a_pdf.pdf")
                .then()
                .statusCode(415)
                .body("detail", containsString("not a PDF"));
        upload(pharmacy, token, "debtors/bad/bad_totals_mismatch.pdf")
                .then()
                .statusCode(422)
                .body("detail", containsString("60 days differs by 100.00"));
        upload(pharmacy, token, "debtors/bad/bad_scanned_image_only.pdf")
                .then()
                .statusCode(422)
                .body("detail", containsString("Scanned reports are not supported"));
        upload(pharmacy, token, "debtors/bad/bad_encrypted.pdf")
                .then()
                .statusCode(422)
                .body("detail", containsString("encrypted"));
        upload(pharmacy, token, "debtors/bad/bad_truncated.pdf")
                .then()
                .statusCode(422)
                .body("detail", containsString("incomplete"));
        upload(pharmacy, token, "deb013/empty_report.pdf")
                .then()
                .statusCode(422)
                .body("detail", containsString("no accounts"));
        given().auth()
                .oauth2(token)
                .multiPart("file", "big.pdf", new byte[1_200_000], "application/pdf")
                .when()
                .post(PATH, pharmacy)
                .then()
                .statusCode(413)
                .body("detail", containsString("larger than"));
        given().auth()
                .oauth2(token)
                .multiPart("other", "x")
                .when()
                .post(PATH, pharmacy)
                .then()
                .statusCode(400)
                .body("detail", containsString("'file'"));

        assertEquals(
                6,
                queryLong(
                        "select count(*) from debtor_report_upload where pharmacy_id = ? and status = 'failed'",
                        pharmacy));
        assertEquals(0, chunks(pharmacy, 1, Duration.ofSeconds(3)).size());
    }

    @Test
    void callersNeedATokenAWriteGrantAndAKnownPharmacy() throws Exception {
        long pharmacy = 7005;
        pharmacyExists(pharmacy);
        given().multiPart("file", "r.pdf", fixture("debtors/l1_small.pdf"), "application/pdf")
                .when()
                .post(PATH, pharmacy)
                .then()
                .statusCode(401)
                .body("detail", notNullValue());
        upload(pharmacy, TestTokens.pharmacyReader(pharmacy), "debtors/l1_small.pdf")
                .then()
                .statusCode(403)
                .body("detail", notNullValue());
        upload(pharmacy, TestTokens.pharmacyWriter(pharmacy + 1), "debtors/l1_small.pdf")
                .then()
                .statusCode(403);
        upload(7999, TestTokens.admin(), "debtors/l1_small.pdf")
                .then()
                .statusCode(404)
                .body("detail", equalTo("Pharmacy 7999 not found"));
        assertEquals(0, chunks(7999, 1, Duration.ofSeconds(2)).size());
    }
}
