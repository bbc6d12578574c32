package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A pharmacy debtor-service has not heard of answers 404 on every endpoint, to an admin and to a user with a grant
 * on it (who gets through the authorization matrix, AuthorizationMatrixTest, first).
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class UnknownPharmacyTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET,",
        "GET,/statistics",
        "GET,/reports",
        "GET,/1/communications",
        "POST,/download-csv",
        "POST,/download-pdf",
        "POST,/send-email",
        "POST,/send-sms",
        "GET,/movement",
        "GET,/statistics/history"
    })
    void anUnknownPharmacyAnswers404(String method, String path) {
        long unknown = 9_000_000_000L + System.nanoTime() % 1000;
        for (String token : new String[] {TestTokens.admin(), TestTokens.pharmacyWriter(unknown)}) {
            RequestSpecification request = given().auth().oauth2(token);
            if (method.equals("POST")) {
                request = request.contentType("application/json")
                        .body(path.startsWith("/send") ? Map.of("debtor_ids", new long[] {1}) : Map.of());
            }
            request.request(method, "/pharmacies/" + unknown + "/debtors" + (path == null ? "" : path))
                    .then()
                    .statusCode(404)
                    .body("detail", equalTo("Pharmacy " + unknown + " not found"));
        }
    }

    /** The reminder policy and its runs belong to the pharmacy itself, not to its debtors. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET,/reminder-policy",
        "PUT,/reminder-policy",
        "POST,/reminder-policy/preview",
        "GET,/reminder-runs",
        "POST,/reminder-runs"
    })
    void anUnknownPharmacyHasNoReminderPolicy(String method, String path) {
        long unknown = 9_000_000_000L + System.nanoTime() % 1000;
        for (String token : new String[] {TestTokens.admin(), TestTokens.pharmacyWriter(unknown)}) {
            RequestSpecification request = given().auth().oauth2(token);
            if (method.equals("PUT")) {
                request = request.contentType("application/json").body(Map.of("enabled", false, "trigger", "manual"));
            }
            request.request(method, "/pharmacies/" + unknown + path)
                    .then()
                    .statusCode(404)
                    .body("detail", equalTo("Pharmacy " + unknown + " not found"));
        }
    }
}
