package com.clinicsuite.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The platform's edge check in this service: an upload whose file name holds a control character is refused. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class InvalidCharactersTest {

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aControlCharacterInAnUploadedFileNameIs422() {
        long pharmacy = 990_002;
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacy))
                .multiPart("file", "report\u0000.pdf", PDF, "application/pdf")
                .post("/pharmacies/{p}/debtors/upload", pharmacy)
                .then()
                .statusCode(422)
                .body("code", equalTo("invalid_characters"))
                .body("errors[0].field", equalTo("file"));
        given().auth()
                .oauth2(TestTokens.admin())
                .multiPart("file", "credits\u0007.csv", "a,b\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("mode", "replace")
                .post("/credit-balances/import")
                .then()
                .statusCode(422)
                .body("code", equalTo("invalid_characters"))
                .body("errors[0].field", equalTo("file"));
    }
}
