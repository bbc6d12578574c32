package com.clinicsuite.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.events.Topics;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.notification.support.TestData;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * English and Afrikaans: built-in templates in both, a template per language, the pharmacy's default_language, and
 * the reminder's own language, read back from the real SMTP server.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class LanguagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ReminderRequested inLanguage(ReminderRequested r, String language) {
        return new ReminderRequested(
                r.reminderId(),
                r.pharmacyId(),
                r.debtorId(),
                r.accNo(),
                r.channel(),
                r.recipient(),
                r.debtorName(),
                r.amountDue(),
                r.buckets(),
                r.requestedBy(),
                r.requestedAt(),
                language);
    }

    @Test
    void anAfrikaansReminderIsMailedInAfrikaansWithAfrikaansRandAmounts() throws Exception {
        long pharmacy = TestData.newPharmacyId();
        TestData.configure(pharmacy, TestData.smtpSettings()); // the pharmacy's default stays English
        String recipient = "annatjie." + pharmacy + "@debtors.example";
        ReminderRequested reminder = inLanguage(TestData.reminder(pharmacy, "email", recipient), "af");
        TestData.publish(reminder);

        MimeMessage mail = EmailDeliveryTest.awaitMails(recipient, 1).get(0);
        assertThat(mail.getSubject())
                .isEqualTo(
                        "Herinnering: R 1 234,56 agterstallig op rekening ACC" + pharmacy + " by Winterton Pharmacy");
        assertThat(EmailDeliveryTest.textOf(mail))
                .contains("Beste Thandi Nkosi")
                .contains("'n agterstallige bedrag van R 1 234,56 op u rekening ACC" + pharmacy)
                .contains("60 dae: R 1 000,00")
                .contains("90 dae: R 234,56")
                .contains("Gebruik asseblief ACC" + pharmacy + " as verwysing")
                .contains("FNB 62000000000 branch 250655")
                .doesNotContain("Dear")
                .doesNotContain("1 234.56");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        "sent".equals(TestData.delivery(reminder.reminderId()).status()));
        assertThat(TestData.scalar("select language from delivery where reminder_id = ?", reminder.reminderId()))
                .isEqualTo("af");

        // an English reminder to the same pharmacy stays English
        String english = "thandi." + pharmacy + "@debtors.example";
        TestData.publish(inLanguage(TestData.reminder(pharmacy, "email", english), "en"));
        assertThat(EmailDeliveryTest.awaitMails(english, 1).get(0).getSubject()).startsWith("Account ACC");
    }

    @Test
    void theDefaultLanguageAppliesToRemindersWithoutOneAndIsAnnounced() throws Exception {
        long pharmacy = TestData.newPharmacyId();
        Map<String, Object> settings = new HashMap<>(TestData.smtpSettings());
        settings.put("default_language", "af");
        try (TopicReader channels = new TopicReader(Topics.NOTIFICATIONS_CHANNELS)) {
            TestData.configure(pharmacy, settings);
            List<TopicReader.Record> announced =
                    channels.await(1, r -> r.key().equals(Long.toString(pharmacy)), EmailDeliveryTest.RELAY_TIMEOUT);
            assertThat(JSON.readTree(announced.get(0).value())
                            .get("default_language")
                            .asText())
                    .isEqualTo("af");
        }
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/pharmacies/{p}/notification-settings", pharmacy)
                .then()
                .statusCode(200)
                .body("default_language", equalTo("af"));
        // a client that does not know the field keeps it; an unknown language is refused
        TestData.configure(pharmacy, TestData.smtpSettings());
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/pharmacies/{p}/notification-settings", pharmacy)
                .then()
                .body("default_language", equalTo("af"));
        Map<String, Object> french = new HashMap<>(TestData.smtpSettings());
        french.put("default_language", "fr");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(french)
                .put("/pharmacies/{p}/notification-settings", pharmacy)
                .then()
                .statusCode(422);

        String recipient = "sonder.taal." + pharmacy + "@debtors.example";
        TestData.publish(TestData.reminder(pharmacy, "email", recipient)); // no language: an older debtor-service
        assertThat(EmailDeliveryTest.awaitMails(recipient, 1).get(0).getSubject())
                .startsWith("Herinnering:");
    }

    @Test
    void eachLanguageHasItsOwnTemplateAndBuiltInDefault() {
        long pharmacy = TestData.newPharmacyId();
        TestData.configure(pharmacy, TestData.smtpSettings());
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .queryParam("language", "af")
                .get("/pharmacies/{p}/templates/sms", pharmacy)
                .then()
                .statusCode(200)
                .body("language", equalTo("af"))
                .body("is_default", equalTo(true))
                .body("text", containsString("Antwoord STOP om af te meld"));
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .contentType(ContentType.JSON)
                .queryParam("language", "af")
                .body(Map.of("subject", "Rekening {acc_no}", "text", "Goeiedag {name}, u skuld {amount_due}."))
                .put("/pharmacies/{p}/templates/email", pharmacy)
                .then()
                .statusCode(200)
                .body("language", equalTo("af"))
                .body("is_default", equalTo(false));
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .queryParam("language", "af")
                .get("/pharmacies/{p}/templates/email", pharmacy)
                .then()
                .body("subject", equalTo("Rekening {acc_no}"));
        given().auth() // English is untouched and the default language of the endpoint
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .get("/pharmacies/{p}/templates/email", pharmacy)
                .then()
                .body("language", equalTo("en"))
                .body("is_default", equalTo(true));
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .queryParam("language", "af")
                .body(Map.of("debtor_name", "Thandi Nkosi", "acc_no", "WP1001", "amount_due", 1234.56))
                .post("/pharmacies/{p}/templates/email/preview", pharmacy)
                .then()
                .statusCode(200)
                .body("subject", equalTo("Rekening WP1001"))
                .body("text", equalTo("Goeiedag Thandi Nkosi, u skuld R 1 234,56."));
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .queryParam("language", "zu")
                .get("/pharmacies/{p}/templates/email", pharmacy)
                .then()
                .statusCode(422);
    }
}
