package com.clinicsuite.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.clinicsuite.events.Topics;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.notification.support.HostileTemplates;
import com.clinicsuite.notification.support.HostileTemplates.Case;
import com.clinicsuite.notification.support.TestData;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import io.quarkus.qute.Engine;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The template sandbox through the API: every hostile template of {@link HostileTemplates} against save (PUT) and
 * preview, on both channels, answers 422 with its rule and never a secret of the service; a template stored before
 * the sandbox fails its reminders with the reason instead of sending what it would have rendered.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class TemplateSandboxApiTest {

    private static final Map<String, Object> BUCKETS = Map.of(
            "current", 10.00, "d30", 20.00, "d60", 1000.00, "d90", 234.56, "d120", 30.00, "d150", 40.00, "d180", 50.00);
    private static long pharmacy;
    private static List<String> secrets;

    @Inject
    Engine applicationEngine;

    @BeforeEach
    void pharmacyAndSecrets() {
        if (pharmacy == 0) {
            pharmacy = TestData.newPharmacyId();
            TestData.configure(pharmacy, TestData.smtpSettings());
            secrets = List.of(
                    ConfigProvider.getConfig().getValue("notification.secrets.key", String.class),
                    ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class));
        }
    }

    static Stream<Case> hostile() {
        return HostileTemplates.all().stream();
    }

    @Test
    void theApplicationsOwnEngineWouldHandTheSecretKeyOut() {
        // why pharmacies' templates get an engine of their own: Quarkus' engine resolves config: for anyone
        assertThat(applicationEngine
                        .parse("{config:property('notification.secrets.key')}")
                        .render())
                .isEqualTo(secrets.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void everyHostileTemplateIsRefusedOnSaveAndPreviewOfBothChannels(Case c) {
        String writer = TestTokens.pharmacyWriter(pharmacy);
        String reader = TestTokens.pharmacyReader(pharmacy);
        Map<String, Response> answers = Map.of(
                "text: ",
                given().auth()
                        .oauth2(writer)
                        .contentType(ContentType.JSON)
                        .body(Map.of("text", c.template()))
                        .put("/pharmacies/{p}/templates/sms", pharmacy),
                "html: ",
                given().auth()
                        .oauth2(writer)
                        .contentType(ContentType.JSON)
                        .body(Map.of("subject", "Your account", "text", "Dear {name}", "html", c.template()))
                        .put("/pharmacies/{p}/templates/email", pharmacy),
                "text: (preview)",
                given().auth()
                        .oauth2(reader)
                        .contentType(ContentType.JSON)
                        .body(debtor(Map.of("text", c.template())))
                        .post("/pharmacies/{p}/templates/sms/preview", pharmacy),
                "html: (preview)",
                given().auth()
                        .oauth2(reader)
                        .contentType(ContentType.JSON)
                        .body(debtor(Map.of("subject", "Your account", "text", "Dear {name}", "html", c.template())))
                        .post("/pharmacies/{p}/templates/email/preview", pharmacy));
        answers.forEach((part, answer) -> {
            answer.then()
                    .statusCode(422)
                    .body("code", equalTo(c.rule().code()))
                    .body("errors[0].field", equalTo("template"))
                    .body("errors[0].message", startsWith(part.substring(0, part.indexOf(' ') + 1)));
            String body = answer.asString();
            for (String secret : secrets) {
                assertThat(body).as(c.name() + " " + part).doesNotContain(secret);
            }
        });
        // nothing was saved: the pharmacy still uses the defaults
        given().auth()
                .oauth2(writer)
                .get("/pharmacies/{p}/templates/sms", pharmacy)
                .then()
                .statusCode(200)
                .body("is_default", equalTo(true));
    }

    @Test
    void aHugeLoopAnswers422AtOnceAndKeepsTheServiceAnswering() throws Exception {
        String writer = TestTokens.pharmacyWriter(pharmacy);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> attacks = Stream.generate(() -> callers.submit(() -> given().auth()
                            .oauth2(writer)
                            .contentType(ContentType.JSON)
                            .body(Map.of("text", "{#for i in 200000000}x{/for}"))
                            .put("/pharmacies/{p}/templates/sms", pharmacy)
                            .statusCode()))
                    .limit(8)
                    .toList();
            // an ordinary preview meanwhile is answered as usual
            given().auth()
                    .oauth2(TestTokens.pharmacyReader(pharmacy))
                    .contentType(ContentType.JSON)
                    .body(debtor(null))
                    .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                    .then()
                    .statusCode(200)
                    .body("text", startsWith("Winterton Pharmacy: account WP1001 is overdue, R 1 384.56."));
            for (Future<Integer> attack : attacks) {
                assertThat(attack.get()).isEqualTo(422);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aTemplateStoredBeforeTheSandboxFailsItsRemindersWithTheReasonAndLeaksNothing() throws Exception {
        long stale = TestData.newPharmacyId();
        TestData.configure(stale, TestData.smtpSettings());
        TestData.execute(
                "insert into message_template (pharmacy_id, channel, subject, body_html, body_text, updated_at,"
                        + " updated_by) values (?, 'email', ?, null, ?, ?, 'before-the-sandbox')",
                stale,
                "Key {config:property('notification.secrets.key')}",
                "Password {config:property('quarkus.datasource.password')}",
                OffsetDateTime.now());

        try (TopicReader statuses = new TopicReader(Topics.NOTIFICATIONS_DELIVERY_STATUS)) {
            ReminderRequested reminder = TestData.reminder(stale, "email", "stale." + stale + "@debtors.example");
            TestData.publish(reminder);
            await().atMost(Duration.ofSeconds(30)).until(() -> TestData.delivery(reminder.reminderId()) != null);

            TestData.Row row = TestData.delivery(reminder.reminderId());
            assertThat(row.status()).isEqualTo("failed");
            assertThat(row.error())
                    .startsWith("The pharmacy's template cannot be rendered: template (text): the namespace 'config:'");
            String stored = TestData.scalar(
                    "select concat(subject, body_html, body_text, error) from delivery where reminder_id = ?",
                    reminder.reminderId());
            List<TopicReader.Record> events =
                    statuses.await(1, r -> r.value().contains(reminder.reminderId()), EmailDeliveryTest.RELAY_TIMEOUT);
            assertThat(events.get(0).value()).contains("\"status\":\"failed\"");
            for (String secret : secrets) {
                assertThat(stored).doesNotContain(secret);
                assertThat(events.get(0).value()).doesNotContain(secret);
            }
        }
        assertThat(EmailDeliveryTest.mailsTo("stale." + stale + "@debtors.example"))
                .isEmpty();

        // the preview of the stored template says the same, and saving a sandboxed one fixes it
        given().auth()
                .oauth2(TestTokens.pharmacyReader(stale))
                .contentType(ContentType.JSON)
                .body(debtor(null))
                .post("/pharmacies/{p}/templates/email/preview", stale)
                .then()
                .statusCode(422)
                .body("code", equalTo("template_unknown_namespace"));
    }

    @Test
    void whatTemplatesMayDoIsSavedAndPreviewed() {
        long own = TestData.newPharmacyId();
        TestData.configure(own, TestData.smtpSettings());
        String text = "{#if name}Dear {name}{#else}Hello{/if}, {amount_due} due:"
                + "{#for b in buckets} {b.label} {b.amount}{#if b_hasNext},{/if}{/for}. {pharmacy_name}";
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(own))
                .contentType(ContentType.JSON)
                .body(Map.of("text", text))
                .put("/pharmacies/{p}/templates/sms", own)
                .then()
                .statusCode(200)
                .body("is_default", equalTo(false));
        given().auth()
                .oauth2(TestTokens.pharmacyReader(own))
                .contentType(ContentType.JSON)
                .body(debtor(null))
                .post("/pharmacies/{p}/templates/sms/preview", own)
                .then()
                .statusCode(200)
                .body(
                        "text",
                        equalTo("Dear Thandi Nkosi, R 1 384.56 due: Current R 10.00, 30 days R 20.00, 60 days"
                                + " R 1 000.00, 90 days R 234.56, 120 days R 30.00, 150 days R 40.00, 180 days"
                                + " R 50.00. Winterton Pharmacy"));
    }

    @Test
    void theSizeLimitIsCheckedOnSaveAndPreviewAndSaysWhatItIs() {
        String tooLong = "{name}" + "x".repeat(20_000);
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "Hi", "text", tooLong))
                .put("/pharmacies/{p}/templates/email", pharmacy)
                .then()
                .statusCode(422)
                .body("code", equalTo("template_too_long"))
                .body(
                        "errors[0].message",
                        equalTo("text: the template has 20006 characters; at most 20000 are allowed"));
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .body(debtor(Map.of("text", tooLong)))
                .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                .then()
                .statusCode(422)
                .body("code", equalTo("template_too_long"));
        // the largest template accepted
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .body(debtor(Map.of("text", "{name}" + "x".repeat(19_994))))
                .post("/pharmacies/{p}/templates/sms/preview", pharmacy)
                .then()
                .statusCode(200);
    }

    private static Map<String, Object> debtor(Map<String, Object> template) {
        Map<String, Object> body = new HashMap<>();
        body.put("debtor_name", "Thandi Nkosi");
        body.put("acc_no", "WP1001");
        body.put("amount_due", 1384.56);
        body.put("buckets", BUCKETS);
        if (template != null) {
            body.put("template", template);
        }
        return body;
    }
}
