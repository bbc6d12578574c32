package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** 401 / 403 / 404 for every endpoint, and that the right callers get through. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class AccessMatrixTest {

    private static long pharmacyId;
    private static long debtorId;

    private static synchronized long pharmacy() {
        if (pharmacyId == 0) {
            pharmacyId = Fixtures.pharmacy("Access Pharmacy");
            Fixtures.channels(pharmacyId, true, true);
            Fixtures.report(
                    pharmacyId,
                    List.of(Fixtures.account("500001", "ACCESS DEBTOR", "99.00", "access@example.com", "0820000099")),
                    10);
            debtorId = Fixtures.count("SELECT id FROM debtor WHERE pharmacy_id = ?", pharmacyId);
        }
        return pharmacyId;
    }

    /** method, path below /pharmacies/{p}/debtors, whether it writes. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("GET", "", false),
                Arguments.of("GET", "/statistics", false),
                Arguments.of("GET", "/reports", false),
                Arguments.of("GET", "/{debtor}/communications", false),
                Arguments.of("POST", "/download-csv", false),
                Arguments.of("POST", "/download-pdf", false),
                Arguments.of("POST", "/send-email", true),
                Arguments.of("POST", "/send-sms", true));
    }

    private static io.restassured.response.ValidatableResponse call(
            String token, String method, String path, long pharmacy) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (method.equals("POST")) {
            request = request.contentType("application/json")
                    .body(path.startsWith("/send") ? Map.of("debtor_ids", List.of(debtorId), "force", true) : Map.of());
        }
        String url = "/pharmacies/" + pharmacy + "/debtors" + path.replace("{debtor}", Long.toString(debtorId));
        return request.request(method, url).then();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void withoutAValidTokenAnswers401(String method, String path, boolean writes) {
        long p = pharmacy();
        for (String token : new String[] {
            null,
            "not-a-jwt",
            TestTokens.user("old")
                    .roles("pharmacy")
                    .grant(p, true, true)
                    .expired()
                    .sign(),
            TestTokens.user("forger").roles("admin").badSignature().sign()
        }) {
            call(token, method, path, p)
                    .statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("detail", containsString("Not authenticated"));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void anotherPharmacysUserAnswers403(String method, String path, boolean writes) {
        long p = pharmacy();
        call(TestTokens.pharmacyWriter(p + 1_000_000), method, path, p)
                .statusCode(403)
                .body("detail", containsString("pharmacy " + p));
        call(TestTokens.staff("GK2"), method, path, p).statusCode(403);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void readersReadAndOnlyWritersWrite(String method, String path, boolean writes) {
        long p = pharmacy();
        if (writes) {
            call(TestTokens.pharmacyReader(p), method, path, p)
                    .statusCode(403)
                    .body("detail", containsString("read-only"));
        } else {
            call(TestTokens.pharmacyReader(p), method, path, p).statusCode(200);
        }
        call(TestTokens.pharmacyWriter(p), method, path, p).statusCode(200);
        call(TestTokens.admin(), method, path, p).statusCode(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void anUnknownPharmacyAnswers404(String method, String path, boolean writes) {
        pharmacy();
        long unknown = 9_000_000_000L + System.nanoTime() % 1000;
        call(TestTokens.admin(), method, path, unknown)
                .statusCode(404)
                .body("detail", equalTo("Pharmacy " + unknown + " not found"));
        call(TestTokens.pharmacyWriter(unknown), method, path, unknown).statusCode(404);
    }
}
