package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The platform's edge check in this service: query parameters and bodies with control characters are refused. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class InvalidCharactersTest {

    @Test
    void aNulInTheListSearchOrACsvHeadingIs422() {
        long pharmacy = Fixtures.pharmacy("Edge Pharmacy");
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .urlEncodingEnabled(false)
                .get("/pharmacies/" + pharmacy + "/debtors?search=ab%00cd")
                .then()
                .statusCode(422)
                .body("code", equalTo("invalid_characters"))
                .body("errors[0].field", equalTo("search"));
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .body("{\"col_names\": {\"name\": \"Na\\u0000me\"}}")
                .post("/pharmacies/{p}/debtors/download-pdf", pharmacy)
                .then()
                .statusCode(422)
                .body("code", equalTo("invalid_characters"))
                .body("errors[0].field", equalTo("col_names.name"));
    }
}
