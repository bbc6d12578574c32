package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.testkit.ServiceProcess;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * notification-service's template preview of one of the pharmacy's debtors ({@code {"debtor_id"}}), end to end: the
 * real notification-service ({@link RealNotificationService}) asks this debtor-service, with the caller's token, for
 * the debtor's reminder content and renders the pharmacy's template with it.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class TemplatePreviewForDebtorTest {

    /** Every value a template can print, on one line. */
    private static final Map<String, String> EVERY_VALUE = Map.of(
            "text",
            "{name_proper}|{acc_no}|{amount_due}|{pharmacy_name}|{#for b in buckets}{b.label}={b.amount};{/for}");

    private ServiceProcess notification;
    private long pharmacyId;
    private long debtorId;

    @BeforeEach
    void pharmacyWithOneDebtor() {
        notification = RealNotificationService.start();
        pharmacyId = Fixtures.pharmacy("Preview Pharmacy");
        BigDecimal zero = new BigDecimal("0.00");
        Fixtures.report(
                pharmacyId,
                List.of(new DebtorReportChunk.Account(
                        "300001",
                        "MISS FJ DREYER",
                        new DebtorReportChunk.Amounts(
                                new BigDecimal("99.00"),
                                zero,
                                new BigDecimal("1000.00"),
                                new BigDecimal("250.40"),
                                zero,
                                zero,
                                zero,
                                new BigDecimal("1349.40")),
                        "dreyer@example.com",
                        "082 000 0041",
                        List.of("082 000 0041"),
                        false,
                        null,
                        null,
                        "00",
                        null)),
                10);
        debtorId = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("debtors[0].id");
        given().baseUri(notification.url())
                .auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(Map.of("display_name", "Preview Pharmacy", "contact_phone", "036 000 0000"))
                .put("/pharmacies/{p}/notification-settings", pharmacyId)
                .then()
                .statusCode(200);
    }

    @Test
    void rendersTheDebtorsCurrentDataAsAReminderWould() {
        // the arrears (d60..d180) by default, as send-email; the buckets loop shows the non-zero ones
        preview(
                        "sms",
                        Map.of("debtor_id", debtorId, "template", EVERY_VALUE),
                        null,
                        TestTokens.pharmacyReader(pharmacyId))
                .statusCode(200)
                .body("channel", equalTo("sms"))
                .body(
                        "text",
                        equalTo(
                                "Miss FJ Dreyer|300001|R 1 250.40|Preview Pharmacy|60 days=R 1 000.00;90 days=R 250.40;"));

        // chosen buckets, as send-email's ageing_buckets
        preview(
                        "sms",
                        Map.of(
                                "debtor_id",
                                debtorId,
                                "ageing_buckets",
                                List.of("current", "d90"),
                                "template",
                                EVERY_VALUE),
                        null,
                        TestTokens.pharmacyReader(pharmacyId))
                .statusCode(200)
                .body(
                        "text",
                        equalTo("Miss FJ Dreyer|300001|R 349.40|Preview Pharmacy|Current=R 99.00;90 days=R 250.40;"));

        // the pharmacy's own (here: built-in) e-mail template, HTML escaped
        preview("email", Map.of("debtor_id", debtorId), null, TestTokens.pharmacyReader(pharmacyId))
                .statusCode(200)
                .body("subject", equalTo("Account 300001: R 1 250.40 outstanding at Preview Pharmacy"));
    }

    @Test
    void writesInTheAccountsLanguageUnlessTheCallerNamesOne() {
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(Map.of("do_not_contact", false, "language", "af"))
                .put("/pharmacies/{p}/debtors/{d}/contact-preferences", pharmacyId, debtorId)
                .then()
                .statusCode(200);
        Map<String, Object> body = Map.of("debtor_id", debtorId, "template", Map.of("text", "{amount_due}"));
        preview("sms", body, null, TestTokens.pharmacyReader(pharmacyId))
                .statusCode(200)
                .body("text", equalTo("R 1 250,40"));
        preview("sms", body, "en", TestTokens.pharmacyReader(pharmacyId))
                .statusCode(200)
                .body("text", equalTo("R 1 250.40"));
    }

    @Test
    void anotherPharmacysDebtorIsNotFoundAndAccessIsCheckedFirst() {
        long other = Fixtures.pharmacy("Other Preview Pharmacy");
        // a debtor of another pharmacy answers exactly as a missing one
        preview("sms", Map.of("debtor_id", debtorId), null, TestTokens.pharmacyReader(other), other)
                .statusCode(404)
                .body("code", equalTo("not_found"));
        preview("sms", Map.of("debtor_id", 987_654_321L), null, TestTokens.pharmacyReader(pharmacyId))
                .statusCode(404)
                .body("code", equalTo("not_found"));
        // no grant on the pharmacy: 403 before debtor-service is asked
        preview("sms", Map.of("debtor_id", debtorId), null, TestTokens.pharmacyReader(other))
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        // debtor-service's 422 carries over, naming the field
        preview(
                        "sms",
                        Map.of("debtor_id", debtorId, "ageing_buckets", List.of("d45")),
                        null,
                        TestTokens.pharmacyReader(pharmacyId))
                .statusCode(422)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("ageing_buckets"));
    }

    private ValidatableResponse preview(String channel, Map<String, ?> body, String language, String token) {
        return preview(channel, body, language, token, pharmacyId);
    }

    private ValidatableResponse preview(
            String channel, Map<String, ?> body, String language, String token, long pharmacy) {
        var request = given().baseUri(notification.url())
                .auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body);
        if (language != null) {
            request = request.queryParam("language", language);
        }
        return request.post("/pharmacies/{p}/templates/{c}/preview", pharmacy, channel)
                .then();
    }
}
