package com.clinicsuite.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The platform's edge check in this service: a control character in a login is refused before it is looked up. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class InvalidCharactersTest {

    @Test
    void aNulInTheJsonLoginOrTheTokenFormIs422() {
        given().contentType(ContentType.JSON)
                .body("{\"username\": \"adm\\u0000in\", \"password\": \"whatever\"}")
                .post("/login")
                .then()
                .statusCode(422)
                .body("code", equalTo("invalid_characters"))
                .body("errors[0].field", equalTo("username"));
        given().contentType(ContentType.URLENC)
                .body("grant_type=password&username=adm%00in&password=whatever")
                .post("/token")
                .then()
                .statusCode(422)
                .body("code", equalTo("invalid_characters"))
                .body("errors[0].field", equalTo("username"));
    }
}
