package com.clinicsuite.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.clinicsuite.events.Topics;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.notification.support.ProviderStubs;
import com.clinicsuite.notification.support.TestData;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SMS through SMSPortal against stubs that answer as SMSPortal documents; opt-outs and delivery reports. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class SmsPortalDeliveryTest {

    private static final WireMock STUBS = ProviderStubs.client();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void faultsInA200FailTheirMessageOnlyAndTheTokenIsReused() {
        long pharmacy = smsPharmacy();
        ReminderRequested good = TestData.reminder(pharmacy, "sms", "082 123 4567");
        ReminderRequested refused = TestData.reminder(pharmacy, "sms", "+27 83 000 0002");
        stubBulk(
                pharmacy,
                "{\"cost\":1,\"remainingBalance\":99,\"eventId\":" + pharmacy + ",\"sample\":\"x\","
                        + "\"messages\":2,\"parts\":2,\"errorReport\":{\"noNetwork\":0,\"noContacts\":0,\"optedOuts\":0,"
                        + "\"duplicates\":0,\"faults\":[{\"rawDestination\":\"27830000002\",\"customerId\":\""
                        + refused.reminderId()
                        + "\",\"errorMessage\":\"Invalid destination\",\"status\":\"InvalidNumber\"}]}}");
        TestData.publish(good);
        TestData.publish(refused);

        SendGridDeliveryTest.awaitStatus(good, "sent");
        SendGridDeliveryTest.awaitStatus(refused, "failed");
        assertThat(TestData.delivery(good.reminderId()).externalId()).isEqualTo(Long.toString(pharmacy));
        assertThat(TestData.delivery(refused.reminderId()).error())
                .isEqualTo("SMSPortal refused the message: Invalid destination");
        STUBS.verifyThat(
                1,
                getRequestedFor(urlEqualTo("/v1/Authentication"))
                        .withHeader("Authorization", equalTo(basic(pharmacy))));
        STUBS.verifyThat(
                WireMock.moreThanOrExactly(1),
                postRequestedFor(urlEqualTo("/v1/BulkMessages"))
                        .withHeader("Authorization", equalTo("Bearer token-" + pharmacy))
                        .withRequestBody(matchingJsonPath("$.sendOptions.checkOptOuts", equalTo("true")))
                        .withRequestBody(matchingJsonPath("$.sendOptions.senderId", equalTo("WINTERTON"))));
        List<String> destinations = messages(pharmacy).stream()
                .map(m -> m.get("destination").asText())
                .toList();
        assertThat(destinations).containsExactlyInAnyOrder("27821234567", "27830000002");
        assertThat(messages(pharmacy))
                .allSatisfy(m -> assertThat(m.get("content").asText()).contains("R 1 234.56"));
    }

    @Test
    void queuedSmsGoOutInRequestsOfAtMostAHundred() throws Exception {
        long pharmacy = smsPharmacy();
        stubBulk(
                pharmacy,
                "{\"cost\":150,\"remainingBalance\":0,\"eventId\":77,\"parts\":1,\"errorReport\":{\"faults\":[]}}");
        List<String> ids = new ArrayList<>();
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement st = c.prepareStatement(
                        "insert into delivery (reminder_id, pharmacy_id, debtor_id, acc_no, channel, provider, recipient, status,"
                                + " body_text, attempts, created_at, updated_at) values (?, ?, ?, 'ACC', 'sms', 'smsportal', ?,"
                                + " 'queued', 'Please pay', 0, now(), now())")) {
            c.setAutoCommit(false);
            for (int i = 0; i < 150; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                st.setString(1, id);
                st.setLong(2, pharmacy);
                st.setLong(3, i);
                st.setString(4, String.format("2782%07d", i));
                st.addBatch();
            }
            st.executeBatch();
            c.commit();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestData.deliveriesOf(pharmacy).stream()
                                .filter(r -> r.status().equals("sent"))
                                .count()
                        == 150);
        List<LoggedRequest> requests = bulkRequests(pharmacy);
        assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
        List<String> sent = new ArrayList<>();
        for (LoggedRequest request : requests) {
            JsonNode messages = JSON.readTree(request.getBodyAsString()).get("messages");
            assertThat(messages.size()).isLessThanOrEqualTo(100);
            messages.forEach(m -> sent.add(m.get("customerId").asText()));
        }
        assertThat(sent).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aRecordedOptOutStopsSmsUntilItIsRemovedAndIsPublished() {
        long pharmacy = smsPharmacy();
        stubBulk(
                pharmacy,
                "{\"cost\":1,\"remainingBalance\":9,\"eventId\":5,\"parts\":1,\"errorReport\":{\"faults\":[]}}");
        try (TopicReader optOuts = new TopicReader(Topics.NOTIFICATIONS_OPT_OUTS)) {
            given().auth()
                    .oauth2(TestTokens.pharmacyReader(pharmacy))
                    .put("/pharmacies/{p}/opt-outs/0824445555", pharmacy)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(TestTokens.pharmacyWriter(pharmacy))
                    .put("/pharmacies/{p}/opt-outs/{phone}", pharmacy, "082 444 5555")
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(TestTokens.pharmacyWriter(pharmacy))
                    .put("/pharmacies/{p}/opt-outs/12ab", pharmacy)
                    .then()
                    .statusCode(422);

            ReminderRequested blocked = TestData.reminder(pharmacy, "sms", "27824445555");
            TestData.publish(blocked);
            SendGridDeliveryTest.awaitStatus(blocked, "failed");
            assertThat(TestData.delivery(blocked.reminderId()).error()).contains("opted out");

            given().auth()
                    .oauth2(TestTokens.pharmacyWriter(pharmacy))
                    .delete("/pharmacies/{p}/opt-outs/0824445555", pharmacy)
                    .then()
                    .statusCode(204);
            ReminderRequested allowed = TestData.reminder(pharmacy, "sms", "0824445555");
            TestData.publish(allowed);
            SendGridDeliveryTest.awaitStatus(allowed, "sent");

            List<TopicReader.Record> events =
                    optOuts.await(2, r -> r.key().equals(Long.toString(pharmacy)), EmailDeliveryTest.RELAY_TIMEOUT);
            assertThat(events).hasSize(2);
            assertThat(events.get(0).value())
                    .contains("\"phone_digits\":\"0824445555\"")
                    .contains("\"opted_out\":true");
            assertThat(events.get(1).value()).contains("\"opted_out\":false");
        }
    }

    @Test
    void aStopReplyOptsTheNumberOutAndDeliveryReportsMarkDelivered() {
        long pharmacy = smsPharmacy();
        stubBulk(
                pharmacy,
                "{\"cost\":1,\"remainingBalance\":9,\"eventId\":" + (pharmacy + 1)
                        + ",\"parts\":1,\"errorReport\":{\"faults\":[]}}");
        ReminderRequested reminder = TestData.reminder(pharmacy, "sms", "0827778888");
        TestData.publish(reminder);
        SendGridDeliveryTest.awaitStatus(reminder, "sent");

        String report =
                "{\"Status\":\"DELIVRD\",\"EventId\":" + (pharmacy + 1) + ",\"Mcc\":655,\"Mnc\":\"01\",\"MsgCount\":1,"
                        + "\"Msisdn\":\"27827778888\",\"Received\":1700000000,\"UserReference\":\""
                        + reminder.reminderId() + "\"}";
        given().contentType(ContentType.JSON)
                .body(report)
                .post("/notifications/webhooks/smsportal")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(report)
                .queryParam("token", "test-smsportal-webhook-token")
                .post("/notifications/webhooks/smsportal")
                .then()
                .statusCode(401)
                .body("detail", containsString("X-Webhook-Token"));
        assertThat(TestData.delivery(reminder.reminderId()).status()).isEqualTo("sent");
        given().contentType(ContentType.JSON)
                .body(report)
                .header("X-Webhook-Token", "test-smsportal-webhook-token")
                .post("/notifications/webhooks/smsportal")
                .then()
                .statusCode(204);
        assertThat(TestData.delivery(reminder.reminderId()).status()).isEqualTo("delivered");

        String reply = "{\"IncomingData\":\"Stop please\",\"Msisdn\":\"27827778888\",\"Received\":1700000100,"
                + "\"UserReference\":\"" + reminder.reminderId() + "\"}";
        given().contentType(ContentType.JSON)
                .body(reply)
                .header("X-Webhook-Token", "wrong")
                .post("/notifications/webhooks/smsportal/replies")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(reply)
                .header("X-Webhook-Token", "test-smsportal-webhook-token")
                .post("/notifications/webhooks/smsportal/replies")
                .then()
                .statusCode(204);
        assertThat(TestData.scalar(
                        "select source from sms_opt_out where pharmacy_id = ? and phone_digits = ?",
                        pharmacy,
                        "0827778888"))
                .isEqualTo("reply");

        ReminderRequested next = TestData.reminder(pharmacy, "sms", "0827778888");
        TestData.publish(next);
        SendGridDeliveryTest.awaitStatus(next, "failed");
        assertThat(TestData.delivery(next.reminderId()).error()).contains("opted out");
    }

    private static long smsPharmacy() {
        long pharmacy = TestData.newPharmacyId();
        Map<String, Object> settings = TestData.smtpSettings();
        settings.put("sms_provider", "smsportal");
        settings.put("smsportal_client_id", "client-" + pharmacy);
        settings.put("smsportal_api_secret", "secret-" + pharmacy);
        settings.put("sms_sender_id", "WINTERTON");
        TestData.configure(pharmacy, settings);
        STUBS.register(get(urlEqualTo("/v1/Authentication"))
                .withHeader("Authorization", equalTo(basic(pharmacy)))
                .willReturn(
                        okJson("{\"token\":\"token-" + pharmacy + "\",\"schema\":\"JWT\",\"expiresInMinutes\":1440}")));
        return pharmacy;
    }

    private static void stubBulk(long pharmacy, String answer) {
        STUBS.register(post(urlEqualTo("/v1/BulkMessages"))
                .withHeader("Authorization", equalTo("Bearer token-" + pharmacy))
                .willReturn(okJson(answer)));
    }

    private static List<LoggedRequest> bulkRequests(long pharmacy) {
        return STUBS.find(postRequestedFor(urlEqualTo("/v1/BulkMessages"))
                .withHeader("Authorization", equalTo("Bearer token-" + pharmacy)));
    }

    private static List<JsonNode> messages(long pharmacy) {
        List<JsonNode> all = new ArrayList<>();
        for (LoggedRequest request : bulkRequests(pharmacy)) {
            try {
                JSON.readTree(request.getBodyAsString()).get("messages").forEach(all::add);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return all;
    }

    private static String basic(long pharmacy) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                ("client-" + pharmacy + ":secret-" + pharmacy).getBytes(StandardCharsets.UTF_8));
    }
}
