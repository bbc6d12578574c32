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
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 24 point 4: an explicit column_map on the upload, saved per pharmacy once the report reconciles with it. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ColumnMapUploadTest {

    private static final String PATH = "/pharmacies/{id}/debtors/upload";
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
        assertReportIsExact(truth, first.get(0));
        String saved = queryString("select mapping from pharmacy_column_map where pharmacy_id = ?", pharmacy);
        assertTrue(saved.contains("\"OWING\":\"balance\""), saved);
        assertTrue(saved.contains("\"MOBILE NO\":\"cell\""), saved);

        // the next upload sends no map: the saved one reads it
        upload(pharmacy, token, renamed, null).then().statusCode(anyOf(is(200), is(202)));
        List<JsonNode> both = chunks(pharmacy, 2, Duration.ofSeconds(20));
        assertEquals(2, both.size());
        assertReportIsExact(truth, both.get(1));
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
        upload(pharmacy, token, renamed, "{not json")
                .then()
                .statusCode(422)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("column_map"))
                .body("errors[0].message", containsString("acc_no, name, current"));
        upload(pharmacy, token, renamed, "{\"Owing\": \"amount_due\"}")
                .then()
                .statusCode(422)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("column_map"))
                .body("errors[0].message", containsString("unknown field 'amount_due'"))
                .body("errors[0].message", containsString("d180, balance, phone, cell, email"));
        upload(pharmacy, token, renamed, "{\" \": \"balance\"}")
                .then()
                .statusCode(422)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("column_map"))
                .body("errors[0].message", containsString("heading is empty"));
        assertEquals(0, queryLong("select count(*) from debtor_report_upload where pharmacy_id = ?", pharmacy));
        assertEquals(0, queryLong("select count(*) from pharmacy_column_map where pharmacy_id = ?", pharmacy));
    }

    private static void assertReportIsExact(AgeAnalysisReport truth, JsonNode chunk) {
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

    private static byte[] renamedReport() {
        String csv = new String(fixture(FIXTURE), StandardCharsets.UTF_8);
        assertTrue(csv.contains(PRINTED), "the fixture's heading row");
        return csv.replace(PRINTED, RENAMED).getBytes(StandardCharsets.UTF_8);
    }

    private static Response upload(long pharmacy, String token, byte[] csv, String columnMap) {
        RequestSpecification request =
                given().auth().oauth2(token).multiPart("file", "age-analysis.csv", csv, "text/csv");
        if (columnMap != null) {
            request = request.multiPart("column_map", columnMap);
        }
        return request.when().post(PATH, pharmacy).andReturn();
    }
}
