package com.clinicsuite.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The platform's edge check in this service: a template holding a control character is refused, not stored. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class InvalidCharactersTest {

    @Test
    void aTemplateWithAnEscapeCharacterIs422() {
        long pharmacy = 990_001;
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .contentType(ContentType.JSON)
                .body("{\"text\": \"Dear {name}\\u001b[2J, you owe {amount}\"}")
                .put("/pharmacies/{p}/templates/sms", pharmacy)
                .then()
                .statusCode(422)
                .body("code", equalTo("invalid_characters"))
                .body("errors[0].field", equalTo("text"));
    }
}
