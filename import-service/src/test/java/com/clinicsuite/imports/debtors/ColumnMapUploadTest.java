package com.clinicsuite.imports.debtors;

import static com.clinicsuite.imports.debtors.DebtorTestSupport.chunks;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.fixture;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.pharmacyExists;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryLong;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryString;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clinicsuite.imports.debtors.pdf.GroundTruth;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.fixtures.AgeAnalysisReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 24 point 4: an explicit column_map on the upload, saved per pharmacy once the report reconciles with it; the
 * saved map read and deleted (GET/DELETE /pharmacies/{id}/debtors/column-map).
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ColumnMapUploadTest {

    private static final String PATH = "/pharmacies/{id}/debtors/upload";
    private static final String MAP_PATH = "/pharmacies/{id}/debtors/column-map";
    private static final String FIXTURE = "debtors/l7_small.csv";
    private static final String PRINTED =
            "Acc No,Name,Cell No,Current,30 Days,60 Days,90 Days,120 Days,150 Days,180+,Total";
    /** The same columns under headings the vocabulary does not know. */
    private static final String RENAMED =
            "Account,Client,Mobile No,Now,1 Month,2 Months,3 Months,4 Months,5 Months,6 Months+,Owing";

    private static final String MAP = "{\"Account\": \"acc_no\", \"Client\": \"name\", \"mobile  no\": \"cell\","
            + " \"Now\": \"current\", \"1 Month\": \"d30\", \"2 Months\": \"d60\", \"3 Months\": \"d90\","
            + " \"4 Months\": \"d120\", \"5 Months\": \"d150\", \"6 Months+\": \"d180\", \"Owing\": \"balance\"}";

    @Test
    void unknownHeadingsNeedTheMap_whichIsSavedAndUsedForTheNextUpload() throws Exception {
        long pharmacy = 7191;
        pharmacyExists(pharmacy);
        String token = TestTokens.pharmacyWriter(pharmacy);
        byte[] renamed = renamedReport();
        AgeAnalysisReport truth = GroundTruth.layout(FIXTURE).truth();

        upload(pharmacy, token, renamed, null)
                .then()
                .statusCode(422)
                .body("detail", containsString("no column headings"));
        assertEquals(0, queryLong("select count(*) from pharmacy_column_map where pharmacy_id = ?", pharmacy));

        upload(pharmacy, token, renamed, MAP).then().statusCode(anyOf(is(200), is(202)));
        List<JsonNode> first = chunks(pharmacy, 1, Duration.ofSeconds(20));
        assertEquals(1, first.size());
        DebtorUploads.assertChunkIsExact(truth, first.get(0));
        String saved = queryString("select mapping from pharmacy_column_map where pharmacy_id = ?", pharmacy);
        assertTrue(saved.contains("\"OWING\":\"balance\""), saved);
        assertTrue(saved.contains("\"MOBILE NO\":\"cell\""), saved);

        // the next upload sends no map: the saved one reads it
        upload(pharmacy, token, renamed, null).then().statusCode(anyOf(is(200), is(202)));
        List<JsonNode> both = chunks(pharmacy, 2, Duration.ofSeconds(20));
        assertEquals(2, both.size());
        DebtorUploads.assertChunkIsExact(truth, both.get(1));
    }

    @Test
    void aMapThatDoesNotReconcileIsNotSaved() throws Exception {
        long pharmacy = 7192;
        pharmacyExists(pharmacy);
        String token = TestTokens.pharmacyWriter(pharmacy);
        // 6 Months+ and Owing swapped: the buckets no longer add up to the balance. (Swapping two bucket columns
        // would reconcile, totals row and all: reconciliation cannot tell them apart; see parser-design.md 7.)
        String swapped = MAP.replace("\"d180\"", "\"x\"")
                .replace("\"balance\"", "\"d180\"")
                .replace("\"x\"", "\"balance\"");
        upload(pharmacy, token, renamedReport(), swapped)
                .then()
                .statusCode(422)
                .body("detail", containsString("(column_map)"));
        assertEquals(0, queryLong("select count(*) from pharmacy_column_map where pharmacy_id = ?", pharmacy));
    }

    @Test
    void aBadMapIs422NamingColumnMap() throws Exception {
        long pharmacy = 7193;
        pharmacyExists(pharmacy);
        String token = TestTokens.pharmacyWriter(pharmacy);
        byte[] renamed = renamedReport();
        refusedColumnMap(upload(pharmacy, token, renamed, "{not json"))
                .body("errors[0].message", containsString("acc_no, name, current"));
        refusedColumnMap(upload(pharmacy, token, renamed, "{\"Owing\": \"amount_due\"}"))
                .body("errors[0].message", containsString("unknown field 'amount_due'"))
                .body("errors[0].message", containsString("d180, balance, phone, cell, email"));
        refusedColumnMap(upload(pharmacy, token, renamed, "{\" \": \"balance\"}"))
                .body("errors[0].message", containsString("heading is empty"));
        assertNothingRecorded(pharmacy);
    }

    /** A map that swaps two buckets the vocabulary reads would reconcile (totals row and all): refused up front. */
    @Test
    void aMapContradictingTheHeadingsIs422_namingHowTheHeadingReads() throws Exception {
        long pharmacy = 7194;
        pharmacyExists(pharmacy);
        String token = TestTokens.pharmacyWriter(pharmacy);
        String swapped = "{\"30 Days\": \"d60\", \"60 Days\": \"d30\"}";
        refusedColumnMap(upload(pharmacy, token, fixture(FIXTURE), swapped))
                .body("errors[0].message", containsString("reads as the"))
                .body(
                        "errors[0].message",
                        anyOf(
                                containsString(
                                        "'30 Days' reads as the 30 days column (d30), but the map sends it to d60"),
                                containsString(
                                        "'60 Days' reads as the 60 days column (d60), but the map sends it to d30")));
        assertNothingRecorded(pharmacy);
    }

    /**
     * The saved map can be read (read grant) and forgotten (write grant); then the next upload without a map is read
     * by the vocabulary alone again. Another pharmacy's user can do neither.
     */
    @Test
    void theSavedMapIsReadAndDeleted_thenTheNextUploadGuessesAgain() throws Exception {
        long pharmacy = 7195;
        pharmacyExists(pharmacy);
        String writer = TestTokens.pharmacyWriter(pharmacy);
        String reader = TestTokens.pharmacyReader(pharmacy);
        String otherPharmacy = TestTokens.pharmacyWriter(7196);
        byte[] renamed = renamedReport();

        getMap(reader, pharmacy)
                .statusCode(404)
                .body("code", equalTo("column_map_not_found"))
                .body("detail", containsString("no saved column map"));

        upload(pharmacy, writer, renamed, MAP).then().statusCode(anyOf(is(200), is(202)));
        getMap(reader, pharmacy)
                .statusCode(200)
                .body("pharmacy_id", equalTo((int) pharmacy))
                .body("column_map.size()", equalTo(11))
                .body("column_map.OWING", equalTo("balance"))
                .body("column_map['MOBILE NO']", equalTo("cell"))
                .body("column_map['6 MONTHS+']", equalTo("d180"))
                .body("updated_at", notNullValue());

        // another pharmacy's user neither sees nor removes it; a reader cannot remove it
        getMap(otherPharmacy, pharmacy).statusCode(403).body("code", equalTo("forbidden"));
        deleteMap(otherPharmacy, pharmacy).statusCode(403).body("code", equalTo("forbidden"));
        deleteMap(reader, pharmacy).statusCode(403);
        assertEquals(1, queryLong("select count(*) from pharmacy_column_map where pharmacy_id = ?", pharmacy));

        deleteMap(writer, pharmacy).statusCode(204);
        assertEquals(0, queryLong("select count(*) from pharmacy_column_map where pharmacy_id = ?", pharmacy));
        getMap(reader, pharmacy).statusCode(404).body("code", equalTo("column_map_not_found"));
        deleteMap(writer, pharmacy).statusCode(204);

        // the next upload without a map guesses again: the renamed headings are unknown to the vocabulary
        upload(pharmacy, writer, renamed, null)
                .then()
                .statusCode(422)
                .body("detail", containsString("no column headings"));

        // a pharmacy auth-service never announced: 404 not_found, not "no saved map"
        getMap(TestTokens.admin(), 7197).statusCode(404).body("code", equalTo("not_found"));
        deleteMap(TestTokens.admin(), 7197).statusCode(404).body("code", equalTo("not_found"));
    }

    /** 422 validation_failed naming {@code column_map}; the caller asserts the message. */
    private static ValidatableResponse refusedColumnMap(Response response) {
        return response.then()
                .statusCode(422)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("column_map"));
    }

    /** Neither an upload nor a saved map of the pharmacy. */
    private static void assertNothingRecorded(long pharmacy) throws Exception {
        assertEquals(0, queryLong("select count(*) from debtor_report_upload where pharmacy_id = ?", pharmacy));
        assertEquals(0, queryLong("select count(*) from pharmacy_column_map where pharmacy_id = ?", pharmacy));
    }

    private static ValidatableResponse getMap(String token, long pharmacy) {
        return given().auth().oauth2(token).when().get(MAP_PATH, pharmacy).then();
    }

    private static ValidatableResponse deleteMap(String token, long pharmacy) {
        return given().auth().oauth2(token).when().delete(MAP_PATH, pharmacy).then();
    }

    private static byte[] renamedReport() {
        String csv = new String(fixture(FIXTURE), StandardCharsets.UTF_8);
        assertTrue(csv.contains(PRINTED), "the fixture's heading row");
        return csv.replace(PRINTED, RENAMED).getBytes(StandardCharsets.UTF_8);
    }

    private static Response upload(long pharmacy, String token, byte[] csv, String columnMap) {
        return DebtorUploads.upload(pharmacy, token, "age-analysis.csv", csv, "text/csv", columnMap);
    }
}
