package com.clinicsuite.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.clinicsuite.events.Topics;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.notification.support.LogCapture;
import com.clinicsuite.notification.support.ProviderStubs;
import com.clinicsuite.notification.support.TestData;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TopicReader;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** E-mail through SendGrid v3, against stubs that answer as SendGrid documents. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class SendGridDeliveryTest {

    private static final WireMock STUBS = ProviderStubs.client();
    private static LogCapture logs;

    @BeforeAll
    static void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterAll
    static void stopCapturing() {
        logs.close();
    }

    @Test
    void anAcceptedMailKeepsTheMessageIdAndIsSentInSandboxMode() {
        long pharmacy = sendGridPharmacy();
        STUBS.register(post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo(bearer(pharmacy)))
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "msg-" + pharmacy)));
        ReminderRequested reminder = TestData.reminder(pharmacy, "email", "sg." + pharmacy + "@debtors.example");
        TestData.publish(reminder);

        awaitStatus(reminder, "sent");
        assertThat(TestData.delivery(reminder.reminderId()).externalId()).isEqualTo("msg-" + pharmacy);
        STUBS.verifyThat(
                1,
                postRequestedFor(urlEqualTo("/v3/mail/send"))
                        .withHeader("Authorization", equalTo(bearer(pharmacy)))
                        .withRequestBody(matchingJsonPath("$.mail_settings.sandbox_mode.enable", equalTo("true")))
                        .withRequestBody(matchingJsonPath(
                                "$.personalizations[0].to[0].email", equalTo("sg." + pharmacy + "@debtors.example")))
                        .withRequestBody(matchingJsonPath("$.custom_args.reminder_id", equalTo(reminder.reminderId())))
                        .withRequestBody(matchingJsonPath("$.from.email", equalTo("accounts@winterton.example")))
                        .withRequestBody(matchingJsonPath("$.content[0].value", WireMock.containing("R 1 234.56"))));
        assertThat(logs.all()).doesNotContain(apiKey(pharmacy)).doesNotContain("sg." + pharmacy + "@debtors.example");
    }

    @Test
    void rateLimitedAndServerErrorsAreRetriedUntilAccepted() {
        long pharmacy = sendGridPharmacy();
        String scenario = "retry-" + pharmacy;
        STUBS.register(post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo(bearer(pharmacy)))
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("limited")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withHeader("X-RateLimit-Limit", "600")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"field\":null,\"message\":\"too many requests\"}]}")));
        STUBS.register(post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo(bearer(pharmacy)))
                .inScenario(scenario)
                .whenScenarioStateIs("limited")
                .willSetStateTo("unavailable")
                .willReturn(aResponse().withStatus(503)));
        STUBS.register(post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo(bearer(pharmacy)))
                .inScenario(scenario)
                .whenScenarioStateIs("unavailable")
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "retried-" + pharmacy)));
        ReminderRequested reminder = TestData.reminder(pharmacy, "email", "retry." + pharmacy + "@debtors.example");
        long start = System.nanoTime();
        TestData.publish(reminder);

        awaitStatus(reminder, "sent");
        assertThat(TestData.delivery(reminder.reminderId()).externalId()).isEqualTo("retried-" + pharmacy);
        STUBS.verifyThat(
                3,
                postRequestedFor(urlEqualTo("/v3/mail/send")).withHeader("Authorization", equalTo(bearer(pharmacy))));
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("waited out Retry-After")
                .isGreaterThan(Duration.ofSeconds(1));
    }

    @Test
    void anUnauthorizedAnswerFailsAtOnceWithoutRetry() {
        long pharmacy = sendGridPharmacy();
        STUBS.register(
                post(urlEqualTo("/v3/mail/send"))
                        .withHeader("Authorization", equalTo(bearer(pharmacy)))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"errors\":[{\"field\":null,\"message\":\"The provided authorization grant is invalid, expired, or revoked\",\"help\":null}]}")));
        ReminderRequested reminder = TestData.reminder(pharmacy, "email", "denied." + pharmacy + "@debtors.example");
        try (TopicReader statuses = new TopicReader(Topics.NOTIFICATIONS_DELIVERY_STATUS)) {
            TestData.publish(reminder);

            awaitStatus(reminder, "failed");
            assertThat(TestData.delivery(reminder.reminderId()).error())
                    .isEqualTo(
                            "sendgrid answered 401: The provided authorization grant is invalid, expired, or revoked");
            STUBS.verifyThat(
                    1,
                    postRequestedFor(urlEqualTo("/v3/mail/send"))
                            .withHeader("Authorization", equalTo(bearer(pharmacy))));
            assertThat(statuses.await(
                            2, r -> r.value().contains(reminder.reminderId()), EmailDeliveryTest.RELAY_TIMEOUT))
                    .extracting(TopicReader.Record::value)
                    .anySatisfy(
                            v -> assertThat(v).contains("\"status\":\"failed\"").contains("401"));
        }
    }

    @Test
    void serverErrorsThatNeverEndFailAfterTheLastRetry() {
        long pharmacy = sendGridPharmacy();
        STUBS.register(post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo(bearer(pharmacy)))
                .willReturn(aResponse().withStatus(500)));
        ReminderRequested reminder = TestData.reminder(pharmacy, "email", "down." + pharmacy + "@debtors.example");
        TestData.publish(reminder);

        awaitStatus(reminder, "failed");
        assertThat(TestData.delivery(reminder.reminderId()).error()).isEqualTo("sendgrid answered 500");
        // the first attempt and %test's notification.retry.max-retries=3
        STUBS.verifyThat(
                4,
                postRequestedFor(urlEqualTo("/v3/mail/send")).withHeader("Authorization", equalTo(bearer(pharmacy))));
    }

    @Test
    void theEventWebhookMarksDeliveredAndBouncedAndRefusesUnknownCallers() {
        long pharmacy = sendGridPharmacy();
        STUBS.register(post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo(bearer(pharmacy)))
                .withRequestBody(WireMock.containing("ok." + pharmacy))
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "ok-" + pharmacy)));
        STUBS.register(post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo(bearer(pharmacy)))
                .withRequestBody(WireMock.containing("bounce." + pharmacy))
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "bounce-" + pharmacy)));
        ReminderRequested delivered = TestData.reminder(pharmacy, "email", "ok." + pharmacy + "@debtors.example");
        ReminderRequested bounced = TestData.reminder(pharmacy, "email", "bounce." + pharmacy + "@debtors.example");
        TestData.publish(delivered);
        TestData.publish(bounced);
        awaitStatus(delivered, "sent");
        awaitStatus(bounced, "sent");

        String events = "[{\"email\":\"ok." + pharmacy
                + "@debtors.example\",\"timestamp\":1700000000,\"event\":\"processed\","
                + "\"sg_message_id\":\"ok-" + pharmacy + ".filter0001.1.0\"},"
                + "{\"email\":\"ok." + pharmacy + "@debtors.example\",\"timestamp\":1700000001,\"event\":\"delivered\","
                + "\"sg_message_id\":\"ok-" + pharmacy + ".filter0001.1.0\",\"reminder_id\":\"" + delivered.reminderId()
                + "\"},"
                + "{\"email\":\"bounce." + pharmacy
                + "@debtors.example\",\"timestamp\":1700000002,\"event\":\"bounce\","
                + "\"type\":\"bounce\",\"reason\":\"550 5.1.1 mailbox unavailable\",\"sg_message_id\":\"bounce-"
                + pharmacy + ".filter0002.1.0\"}]";
        given().contentType(ContentType.JSON)
                .body(events)
                .post("/notifications/webhooks/sendgrid")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(events)
                .header("X-Webhook-Token", "guess")
                .post("/notifications/webhooks/sendgrid")
                .then()
                .statusCode(403);
        // the right token in the query string (where access logs keep it) is refused and the caller told why
        given().contentType(ContentType.JSON)
                .body(events)
                .queryParam("token", "test-sendgrid-webhook-token")
                .post("/notifications/webhooks/sendgrid")
                .then()
                .statusCode(401)
                .body("detail", containsString("X-Webhook-Token"));
        assertThat(TestData.delivery(delivered.reminderId()).status()).isEqualTo("sent");

        given().contentType(ContentType.JSON)
                .body(events)
                .header("X-Webhook-Token", "test-sendgrid-webhook-token")
                .post("/notifications/webhooks/sendgrid")
                .then()
                .statusCode(204);
        assertThat(TestData.delivery(delivered.reminderId()).status()).isEqualTo("delivered");
        assertThat(TestData.delivery(bounced.reminderId()).status()).isEqualTo("failed");
        assertThat(TestData.delivery(bounced.reminderId()).error())
                .isEqualTo("SendGrid reported bounce: 550 5.1.1 mailbox unavailable");

        // SendGrid retries its calls: a repeat changes nothing
        given().contentType(ContentType.JSON)
                .body(events)
                .header("X-Webhook-Token", "test-sendgrid-webhook-token")
                .post("/notifications/webhooks/sendgrid")
                .then()
                .statusCode(204);
        assertThat(TestData.delivery(bounced.reminderId()).status()).isEqualTo("failed");
    }

    private static long sendGridPharmacy() {
        long pharmacy = TestData.newPharmacyId();
        Map<String, Object> settings = TestData.smtpSettings();
        settings.put("email_provider", "sendgrid");
        settings.put("sendgrid_api_key", apiKey(pharmacy));
        TestData.configure(pharmacy, settings);
        return pharmacy;
    }

    static void awaitStatus(ReminderRequested reminder, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            TestData.Row row = TestData.delivery(reminder.reminderId());
            return row != null && status.equals(row.status());
        });
    }

    private static String apiKey(long pharmacy) {
        return "SG.test-key-" + pharmacy + "-abcdefgh";
    }

    private static String bearer(long pharmacy) {
        return "Bearer " + apiKey(pharmacy);
    }
}
