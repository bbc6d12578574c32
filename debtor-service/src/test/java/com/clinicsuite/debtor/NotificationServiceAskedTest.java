package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.testkit.ServiceProcess;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * PUT notification-settings, then send-email at once: debtor-service's view of the channels has not heard of the new
 * setting yet (its ChannelConfigured event comes a second or so later), so it asks notification-service with the
 * caller's token instead of refusing. Against the real notification-service ({@link RealNotificationService}), whose
 * events are held back so that the view certainly still says "none".
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationServiceAskedTest {

    @Test
    @Order(1)
    void aChannelConfiguredAMomentAgoIsUsedAtOnceWithTheCallersToken() {
        ServiceProcess notification = RealNotificationService.start();
        long pharmacyId = Fixtures.pharmacy("Just Configured Pharmacy");
        long debtorId = oneDebtor(pharmacyId);
        String token = TestTokens.pharmacyWriter(pharmacyId);
        configureEmail(notification, pharmacyId, token);
        assertThat(viewRows(pharmacyId))
                .as("debtor-service's view has not heard of it")
                .isZero();

        // the only credential debtor-service has for notification-service is the caller's token: it is asked with it
        JsonPath sent = send(pharmacyId, token, "email", debtorId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(sent.getLong("sent[0].debtor_id")).isEqualTo(debtorId);
        assertThat(sent.getString("sent[0].status")).isEqualTo("queued");
        assertThat(sent.getList("errors")).isEmpty();

        // notification-service says SMS is not configured: refused as before
        send(pharmacyId, token, "sms", debtorId)
                .then()
                .statusCode(400)
                .body("code", equalTo("bad_request"))
                .body("detail", containsString("no SMS channel configured"));
        assertThat(viewRows(pharmacyId)).as("still only asked, never learned").isZero();
    }

    @Test
    @Order(2)
    void whenNotificationServiceIsAwayTheViewDecides() {
        ServiceProcess notification = RealNotificationService.start();
        long pharmacyId = Fixtures.pharmacy("Unanswered Pharmacy");
        long debtorId = oneDebtor(pharmacyId);
        String token = TestTokens.pharmacyWriter(pharmacyId);
        configureEmail(notification, pharmacyId, token);

        notification.stop(); // the next test that needs it starts it again (same port and database)
        assertThat(notification.isRunning()).isFalse();
        send(pharmacyId, token, "email", debtorId)
                .then()
                .statusCode(400)
                .body("code", equalTo("bad_request"))
                .body("detail", containsString("no e-mail channel configured"));
        assertThat(Fixtures.count("SELECT COUNT(*) FROM communication WHERE pharmacy_id = ?", pharmacyId))
                .as("nothing queued")
                .isZero();
    }

    /** The caller's own write in notification-service: an SMTP e-mail channel, no SMS. */
    private static void configureEmail(ServiceProcess notification, long pharmacyId, String token) {
        given().baseUri(notification.url())
                .auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of(
                        "email_provider", "smtp",
                        "from_email", "accounts@pharmacy.example",
                        "from_name", "Just Configured Pharmacy"))
                .put("/pharmacies/{p}/notification-settings", pharmacyId)
                .then()
                .statusCode(200)
                .body("email_configured", equalTo(true))
                .body("sms_configured", equalTo(false));
    }

    private static long viewRows(long pharmacyId) {
        return Fixtures.count("SELECT COUNT(*) FROM pharmacy_channel WHERE pharmacy_id = ?", pharmacyId);
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
