package com.clinicsuite.debtor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PUT notification-settings, then send-email at once: debtor-service's view of the channels has not heard of the new
 * setting yet (its ChannelConfigured event is a second or so behind), so it asks notification-service with the
 * caller's token instead of refusing.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@WithTestResource(NotificationServiceStandIn.class)
class NotificationServiceAskedTest {

    @Test
    void aChannelConfiguredAMomentAgoIsUsedAtOnceWithTheCallersToken() {
        long pharmacyId = Fixtures.pharmacy("Just Configured Pharmacy");
        long debtorId = oneDebtor(pharmacyId);
        String token = TestTokens.pharmacyWriter(pharmacyId);
        NotificationServiceStandIn.server.stubFor(get(urlPathEqualTo(settingsPath(pharmacyId)))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + token))
                .willReturn(okJson("{\"email_configured\": true, \"sms_configured\": false,"
                        + " \"display_name\": \"Just Configured Pharmacy\", \"email_provider\": \"smtp\"}")));

        // the view has no row for this pharmacy: no ChannelConfigured event reached debtor-service
        JsonPath sent = send(pharmacyId, token, "email", debtorId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(sent.getLong("sent[0].debtor_id")).isEqualTo(debtorId);
        assertThat(sent.getString("sent[0].status")).isEqualTo("queued");

        // notification-service says SMS is not configured: refused as before
        send(pharmacyId, token, "sms", debtorId)
                .then()
                .statusCode(400)
                .body("code", equalTo("bad_request"))
                .body("detail", containsString("no SMS channel configured"));

        NotificationServiceStandIn.server.verify(
                2,
                getRequestedFor(urlPathEqualTo(settingsPath(pharmacyId)))
                        .withHeader("Authorization", WireMock.equalTo("Bearer " + token)));
    }

    @Test
    void whenNotificationServiceCannotAnswerTheViewDecides() {
        long pharmacyId = Fixtures.pharmacy("Unanswered Pharmacy");
        long debtorId = oneDebtor(pharmacyId);
        NotificationServiceStandIn.server.stubFor(get(urlPathEqualTo(settingsPath(pharmacyId)))
                .willReturn(aResponse().withStatus(503)));

        send(pharmacyId, TestTokens.pharmacyWriter(pharmacyId), "email", debtorId)
                .then()
                .statusCode(400)
                .body("code", equalTo("bad_request"))
                .body("detail", containsString("no e-mail channel configured"));
        assertThat(Fixtures.count("SELECT COUNT(*) FROM communication WHERE pharmacy_id = ?", pharmacyId))
                .as("nothing queued")
                .isZero();
    }

    private static String settingsPath(long pharmacyId) {
        return "/pharmacies/" + pharmacyId + "/notification-settings";
    }

    private static long oneDebtor(long pharmacyId) {
        Fixtures.report(
                pharmacyId,
                List.of(Fixtures.account("300001", "OWES SOMETHING", "210.00", "owes@example.com", "082 000 0031")),
                10);
        return given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("debtors[0].id");
    }

    private static io.restassured.response.Response send(long pharmacyId, String token, String channel, long debtor) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("debtor_ids", List.of(debtor)))
                .post("/pharmacies/{p}/debtors/send-" + channel, pharmacyId);
    }
}
