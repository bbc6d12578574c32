package com.clinicsuite.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.clinicsuite.events.Topics;
import com.clinicsuite.notification.support.LogCapture;
import com.clinicsuite.notification.support.TestData;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class NotificationSettingsTest {

    private static final String SENDGRID_KEY = "SG.secret-sendgrid-key-9876";
    private static final String SMS_SECRET = "smsportal-secret-4321";

    @Test
    void secretsAreWriteOnlyEncryptedAtRestKeptWhenOmittedAndNeverLogged() {
        long pharmacy = TestData.newPharmacyId();
        Map<String, Object> body = TestData.smtpSettings();
        body.put("email_provider", "sendgrid");
        body.put("sendgrid_api_key", SENDGRID_KEY);
        body.put("sms_provider", "smsportal");
        body.put("smsportal_client_id", "client-1");
        body.put("smsportal_api_secret", SMS_SECRET);
        body.put("sms_sender_id", "WINTERTON");

        try (LogCapture logs = LogCapture.start()) {
            String answer = given().auth()
                    .oauth2(TestTokens.pharmacyWriter(pharmacy))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .put("/pharmacies/{id}/notification-settings", pharmacy)
                    .then()
                    .statusCode(200)
                    .body("sendgrid_api_key", equalTo("****9876"))
                    .body("smsportal_api_secret", equalTo("****4321"))
                    .body("email_configured", equalTo(true))
                    .body("sms_configured", equalTo(true))
                    .body("display_name", equalTo("Winterton Pharmacy"))
                    .extract()
                    .asString();
            assertThat(answer).doesNotContain(SENDGRID_KEY).doesNotContain(SMS_SECRET);

            String stored = TestData.scalar(
                    "select sendgrid_api_key_enc || smsportal_api_secret_enc from notification_settings"
                            + " where pharmacy_id = ?",
                    pharmacy);
            assertThat(stored).startsWith("v1:").doesNotContain(SENDGRID_KEY).doesNotContain(SMS_SECRET);

            // omitted secrets, and the masked values a GET answered, keep what is stored
            body.remove("sendgrid_api_key");
            body.put("smsportal_api_secret", "****4321");
            body.put("from_name", "Winterton Pharmacy Ltd");
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .put("/pharmacies/{id}/notification-settings", pharmacy)
                    .then()
                    .statusCode(200)
                    .body("sendgrid_api_key", equalTo("****9876"))
                    .body("smsportal_api_secret", equalTo("****4321"))
                    .body("from_name", equalTo("Winterton Pharmacy Ltd"));

            String read = given().auth()
                    .oauth2(TestTokens.pharmacyWriter(pharmacy))
                    .get("/pharmacies/{id}/notification-settings", pharmacy)
                    .then()
                    .statusCode(200)
                    .body("email_configured", equalTo(true))
                    .extract()
                    .asString();
            assertThat(read).doesNotContain(SENDGRID_KEY).doesNotContain(SMS_SECRET);

            assertThat(logs.size()).isPositive();
            assertThat(logs.all()).doesNotContain(SENDGRID_KEY).doesNotContain(SMS_SECRET);
        }
    }

    @Test
    void nullTurnsAChannelOffAndEveryChangeIsAnnounced() {
        long pharmacy = TestData.newPharmacyId();
        try (TopicReader channels = new TopicReader(Topics.NOTIFICATIONS_CHANNELS)) {
            TestData.configure(pharmacy, TestData.smtpSettings());
            Map<String, Object> off = TestData.smtpSettings();
            off.put("email_provider", null);
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType(ContentType.JSON)
                    .body(off)
                    .put("/pharmacies/{id}/notification-settings", pharmacy)
                    .then()
                    .statusCode(200)
                    .body("email_configured", equalTo(false))
                    .body("email_provider", nullValue());

            List<TopicReader.Record> events =
                    channels.await(2, r -> r.key().equals(Long.toString(pharmacy)), EmailDeliveryTest.RELAY_TIMEOUT);
            assertThat(events).hasSize(2);
            assertThat(events.get(0).ceType()).isEqualTo("notifications.channel-configured.v1");
            assertThat(events.get(0).value())
                    .contains("\"email_configured\":true")
                    .contains("\"sms_configured\":false")
                    // what debtor-service prints at the top of statements
                    .contains(
                            "\"letterhead\":{\"display_name\":\"Winterton Pharmacy\",\"contact_phone\":\"036 000 0000\","
                                    + "\"bank_details\":\"FNB 62000000000 branch 250655\"}");
            assertThat(events.get(1).value()).contains("\"email_configured\":false");
        }
    }

    @Test
    void anUnconfiguredPharmacyAnswersEmptySettings() {
        long pharmacy = TestData.newPharmacyId();
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .get("/pharmacies/{id}/notification-settings", pharmacy)
                .then()
                .statusCode(200)
                .body("email_configured", equalTo(false))
                .body("sms_configured", equalTo(false));
    }

    @Test
    void incompleteOrInvalidSettingsAre422AndAccessIsChecked() {
        long pharmacy = TestData.newPharmacyId();
        Map<String, Object> body = TestData.smtpSettings();
        body.put("email_provider", "sendgrid");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .put("/pharmacies/{id}/notification-settings", pharmacy)
                .then()
                .statusCode(422)
                .body("detail", containsString("sendgrid_api_key"));

        body.put("email_provider", "carrier-pigeon");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .put("/pharmacies/{id}/notification-settings", pharmacy)
                .then()
                .statusCode(422)
                .body("detail", containsString("email_provider"));

        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"email_provider\":")
                .put("/pharmacies/{id}/notification-settings", pharmacy)
                .then()
                .statusCode(400);

        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .body(TestData.smtpSettings())
                .put("/pharmacies/{id}/notification-settings", pharmacy)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy + 1))
                .get("/pharmacies/{id}/notification-settings", pharmacy)
                .then()
                .statusCode(403);
        given().get("/pharmacies/{id}/notification-settings", pharmacy).then().statusCode(401);
    }

    @Test
    void settingsNeedAdminOrWriteAccessToReadAsWellAsToChange() {
        long pharmacy = TestData.newPharmacyId();
        Map<String, Object> body = TestData.smtpSettings();
        body.put("sms_provider", "smsportal");
        body.put("smsportal_client_id", "client-" + pharmacy);
        body.put("smsportal_api_secret", SMS_SECRET);
        TestData.configure(pharmacy, body);

        // read-only: neither the sender, the provider ids nor the masked secrets
        String refused = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .get("/pharmacies/{id}/notification-settings", pharmacy)
                .then()
                .statusCode(403)
                .body("detail", equalTo("You have read-only access to pharmacy " + pharmacy))
                .extract()
                .asString();
        assertThat(refused).doesNotContain("client-" + pharmacy).doesNotContain("4321");
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .body(body)
                .put("/pharmacies/{id}/notification-settings", pharmacy)
                .then()
                .statusCode(403);
        // a pharmacy user with read-only access to this pharmacy and write access to another one
        given().auth()
                .oauth2(TestTokens.user("mixed-" + pharmacy)
                        .roles("pharmacy")
                        .grant(pharmacy, true, false)
                        .grant(pharmacy + 1, true, true)
                        .sign())
                .get("/pharmacies/{id}/notification-settings", pharmacy)
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .get("/pharmacies/{id}/notification-settings", pharmacy)
                .then()
                .statusCode(200)
                .body("smsportal_client_id", equalTo("client-" + pharmacy))
                .body("smsportal_api_secret", equalTo("****4321"));
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/pharmacies/{id}/notification-settings", pharmacy)
                .then()
                .statusCode(200)
                .body("sms_configured", equalTo(true));
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .contentType(ContentType.JSON)
                .body(body)
                .put("/pharmacies/{id}/notification-settings", pharmacy)
                .then()
                .statusCode(200);
    }
}
