package com.clinicsuite.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every service inherits from platform-web for its API documentation: Swagger UI names its spec relative to its
 * own page (so it also resolves under the gateway's /services/&lt;service&gt;/ prefix), and the document requires the
 * OAuth2 password flow on /token (SecuritySchemesFilter), which Swagger UI's Authorize button signs in with.
 */
@QuarkusTest
class OpenApiDefaultsTest {

    @Test
    void swaggerUiLoadsItsSpecRelativeToItsPage() {
        String page =
                given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        Matcher url = Pattern.compile("(?<![A-Za-z])url\\s*:\\s*'([^']+)'").matcher(page);
        assertThat(url.find()).as("the initializer names a spec url").isTrue();
        assertThat(url.group(1)).isEqualTo("../openapi");
        // as the page resolves it, directly and behind the gateway's prefix
        assertThat(URI.create("/q/swagger-ui/").resolve(url.group(1))).hasToString("/q/openapi");
        assertThat(URI.create("/services/debtor-service/q/swagger-ui/").resolve(url.group(1)))
                .hasToString("/services/debtor-service/q/openapi");
        given().accept("application/json,*/*").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void theDocumentRequiresThePasswordFlowOnToken() {
        JsonPath doc = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> scheme = doc.getMap("components.securitySchemes.oauth2");
        assertThat(scheme).containsEntry("type", "oauth2");
        assertThat(doc.getString("components.securitySchemes.oauth2.flows.password.tokenUrl"))
                .isEqualTo("/token");
        assertThat(doc.getMap("components.securitySchemes.oauth2.flows.password.scopes"))
                .isNotNull();
        // required per secured operation (bearer or oauth2, SecuritySchemesFilter), so public ones stay public
        assertThat(doc.getList("security")).isNullOrEmpty();
        // no server: "Try it out" calls the paths at the origin the document came from (the gateway's root)
        assertThat(doc.getList("servers")).isNullOrEmpty();
    }
}
