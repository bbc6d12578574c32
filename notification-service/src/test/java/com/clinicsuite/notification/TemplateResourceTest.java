package com.clinicsuite.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.clinicsuite.notification.support.TestData;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class TemplateResourceTest {

    private static final Map<String, Object> DEBTOR = Map.of(
            "debtor_name",
            "Thandi <b>Nkosi</b>",
            "acc_no",
            "WP1001",
            "amount_due",
            1234.56,
            "buckets",
            Map.of("d60", 1000.00, "d90", 234.56));

    @Test
    void defaultsAreServedUntilAPharmacySavesItsOwn() {
        long pharmacy = TestData.newPharmacyId();
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .get("/pharmacies/{p}/templates/email", pharmacy)
                .then()
                .statusCode(200)
                .body("is_default", equalTo(true))
                .body("subject", containsString("{amount_due}"))
                .body("html", containsString("{payment_reference}"));

        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .contentType(ContentType.JSON)
                .body(Map.of("text", "{pharmacy_name}: {name}, please pay {amount_due} (ref {payment_reference})."))
                .put("/pharmacies/{p}/templates/sms", pharmacy)
                .then()
                .statusCode(200)
                .body("is_default", equalTo(false));
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .get("/pharmacies/{p}/templates/sms", pharmacy)
                .then()
                .statusCode(200)
                .body("text", containsString("please pay"))
                .body("is_default", equalTo(false));
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .get("/pharmacies/{p}/templates/fax", pharmacy)
                .then()
                .statusCode(404);
    }

    @Test
    void aTemplateThatDoesNotParseOrNamesAnUnknownPlaceholderIs422WithQutesMessage() {
        long pharmacy = TestData.newPharmacyId();
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "Hi", "text", "{#if amount_due}unclosed"))
                .put("/pharmacies/{p}/templates/email", pharmacy)
                .then()
                .statusCode(422)
                .body("detail", containsString("text"))
                .body("detail", containsString("if"));
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .contentType(ContentType.JSON)
                .body(Map.of("text", "Pay {balance_owing}"))
                .put("/pharmacies/{p}/templates/sms", pharmacy)
                .then()
                .statusCode(422)
                .body("detail", containsString("balance_owing"));
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .contentType(ContentType.JSON)
                .body(Map.of("text", "no subject"))
                .put("/pharmacies/{p}/templates/email", pharmacy)
                .then()
                .statusCode(422)
                .body("detail", containsString("subject"));
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .body(Map.of("text", "{name}"))
                .put("/pharmacies/{p}/templates/sms", pharmacy)
                .then()
                .statusCode(403);
    }

    @Test
    void previewRendersForOneDebtorWithRandAmountsEscapedHtmlAndSmsParts() {
        long pharmacy = TestData.newPharmacyId();
        TestData.configure(pharmacy, TestData.smtpSettings());
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .body(DEBTOR)
                .post("/pharmacies/{p}/templates/email/preview", pharmacy)
                .then()
                .statusCode(200)
                .body("subject", equalTo("Account WP1001: R 1 234.56 outstanding at Winterton Pharmacy"))
                .body("html", containsString("Thandi &lt;b&gt;Nkosi&lt;/b&gt;"))
                .body("html", containsString("R 1 000.00"))
                .body("text", containsString("Reference: WP1001"))
                .body("text", containsString("FNB 62000000000 branch 250655"));

        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .body(DEBTOR)
                .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                .then()
                .statusCode(200)
                .body("text", containsString("R 1 234.56"))
                .body("text", not(containsString("{")))
                .body("encoding", equalTo("GSM-7"))
                .body("parts", equalTo(1));

        Map<String, Object> longUnicode = new java.util.HashMap<>(DEBTOR);
        longUnicode.put("template", Map.of("text", "Sawubona {name} 🙂 " + "x".repeat(80)));
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .body(longUnicode)
                .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                .then()
                .statusCode(200)
                .body("encoding", equalTo("UCS-2"))
                .body("parts", equalTo(2));

        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy + 1))
                .contentType(ContentType.JSON)
                .body(DEBTOR)
                .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .body(Map.of("acc_no", "x"))
                .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                .then()
                .statusCode(422);
    }

    @Test
    void previewOfADebtorIsCheckedBeforeDebtorServiceIsAskedAnd503WhenItCannotAnswer() {
        long pharmacy = TestData.newPharmacyId();
        String reader = TestTokens.pharmacyReader(pharmacy);
        // both forms at once
        Map<String, Object> both = new java.util.HashMap<>(DEBTOR);
        both.put("debtor_id", 4711);
        given().auth()
                .oauth2(reader)
                .contentType(ContentType.JSON)
                .body(both)
                .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                .then()
                .statusCode(422)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("debtor_id"));
        // neither: each missing field of the sample debtor is named
        given().auth()
                .oauth2(reader)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                .then()
                .statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.contains("debtor_name", "acc_no", "amount_due"))
                .body("detail", containsString("give debtor_id, or a sample debtor"));
        // buckets to add up belong to a debtor_id
        Map<String, Object> sampleWithAgeing = new java.util.HashMap<>(DEBTOR);
        sampleWithAgeing.put("ageing_buckets", java.util.List.of("d60"));
        given().auth()
                .oauth2(reader)
                .contentType(ContentType.JSON)
                .body(sampleWithAgeing)
                .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("ageing_buckets"));
        given().auth()
                .oauth2(reader)
                .contentType(ContentType.JSON)
                .body(Map.of("debtor_id", 0))
                .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("debtor_id"));
        // no grant: 403 before debtor-service is asked
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy + 1))
                .contentType(ContentType.JSON)
                .body(Map.of("debtor_id", 4711))
                .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        // debtor-service does not run in this module's tests (nothing listens at its address): 503, a sample still
        // works
        given().auth()
                .oauth2(reader)
                .contentType(ContentType.JSON)
                .body(Map.of("debtor_id", 4711))
                .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                .then()
                .statusCode(503)
                .body("code", equalTo("service_unavailable"))
                .body("detail", containsString("preview with a sample debtor"));
        given().auth()
                .oauth2(reader)
                .contentType(ContentType.JSON)
                .body(DEBTOR)
                .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                .then()
                .statusCode(200);
    }

    @Test
    void templatesNeedAdminOrWriteToReadAndChangeWhilePreviewNeedsRead() {
        long pharmacy = TestData.newPharmacyId();
        for (String channel : new String[] {"email", "sms"}) {
            given().auth()
                    .oauth2(TestTokens.pharmacyReader(pharmacy))
                    .get("/pharmacies/{p}/templates/{c}", pharmacy, channel)
                    .then()
                    .statusCode(403)
                    .body("detail", equalTo("You have read-only access to pharmacy " + pharmacy));
            given().auth()
                    .oauth2(TestTokens.pharmacyReader(pharmacy))
                    .contentType(ContentType.JSON)
                    .body(Map.of("subject", "Hi", "text", "{name}"))
                    .put("/pharmacies/{p}/templates/{c}", pharmacy, channel)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(TestTokens.pharmacyWriter(pharmacy + 1))
                    .get("/pharmacies/{p}/templates/{c}", pharmacy, channel)
                    .then()
                    .statusCode(403);
            given().get("/pharmacies/{p}/templates/{c}", pharmacy, channel)
                    .then()
                    .statusCode(401);
            given().auth()
                    .oauth2(TestTokens.admin())
                    .get("/pharmacies/{p}/templates/{c}", pharmacy, channel)
                    .then()
                    .statusCode(200)
                    .body("channel", equalTo(channel));
            given().auth()
                    .oauth2(TestTokens.pharmacyWriter(pharmacy))
                    .get("/pharmacies/{p}/templates/{c}", pharmacy, channel)
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(TestTokens.pharmacyReader(pharmacy))
                    .contentType(ContentType.JSON)
                    .body(DEBTOR)
                    .post("/pharmacies/{p}/templates/{c}/preview", pharmacy, channel)
                    .then()
                    .statusCode(200);
        }
    }
}
