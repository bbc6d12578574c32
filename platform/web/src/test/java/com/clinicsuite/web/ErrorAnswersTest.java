package com.clinicsuite.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The one rule for JSON bodies that do not bind (400 malformed_json versus 422 naming the field) and a stable code on
 * every error answer, whoever produced it: a mapper, the router, a resource that built its own answer.
 */
@QuarkusTest
class ErrorAnswersTest {

    @Test
    void valuesThatDoNotFitTheirFieldsAre422NamingTheField() {
        assertUnfit("{\"amount\": \"lots\"}", "amount", "must be a number");
        assertUnfit("{\"count\": \"two\"}", "count", "must be a whole number");
        assertUnfit("{\"count\": 1.5}", "count", "must be a whole number");
        assertUnfit("{\"count\": 99999999999}", "count", "out of range");
        assertUnfit("{\"kind\": \"fax\"}", "kind", "must be one of: email, sms");
        assertUnfit("{\"due\": \"15/01/2025\"}", "due", "must be a date (YYYY-MM-DD)");
        assertUnfit("{\"ids\": [1, \"x\"]}", "ids[1]", "must be a whole number");
        assertUnfit("{\"ids\": 7}", "ids", "must be a list");
        assertUnfit("{\"flag\": \"maybe\"}", "flag", "must be true or false");
        assertUnfit(
                "{\"lines\": [{\"name\": \"a\", \"quantity\": \"many\"}]}",
                "lines[0].quantity",
                "must be a whole number");
        assertUnfit("{\"buckets\": {\"d30\": \"x\"}}", "buckets.d30", "must be a number");
        assertUnfit("{\"lines\": {\"name\": \"a\"}}", "lines", "must be a list");
        assertUnfit("[1, 2]", "body", "must be an object");
        assertUnfit("\"text\"", "body", "must be an object");
    }

    @Test
    void aBodyThatIsNotJsonIs400MalformedJson() {
        for (String body : new String[] {
            "{\"amount\": 1,",
            "{\"amount\": tru}",
            "{amount: 1}",
            "{\"a\": 1} }",
            "{\"amount\": 1} {\"count\": 2}",
            "<xml/>"
        }) {
            JsonPath answer = given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/edge/typed")
                    .then()
                    .statusCode(400)
                    .contentType(ContentType.JSON)
                    .body("code", equalTo("malformed_json"))
                    .extract()
                    .jsonPath();
            assertThat(answer.getString("detail")).as(body).startsWith("The body is not valid JSON");
            assertThat(answer.getList("errors")).as(body).isNull();
        }
    }

    @Test
    void validJsonStillPasses() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"amount": "12.50", "count": 3, "kind": "sms", "due": "2025-01-15", "ids": [1, 2],
                         "flag": true, "lines": [{"name": "a", "quantity": 2}], "buckets": {"d30": 1.25}}""")
                .post("/edge/typed")
                .then()
                .statusCode(200)
                .body("kind", equalTo("sms"))
                .body("lines[0].quantity", equalTo(2));
    }

    @Test
    void everyErrorAnswerHasItsStatussCode() {
        assertCode(given().get("/edge/no-such-path"), 404, "not_found");
        assertCode(given().delete("/edge/typed"), 405, "method_not_allowed");
        assertCode(given().contentType(ContentType.TEXT).body("{}").post("/edge/typed"), 415, "unsupported_media_type");
        assertCode(
                given().accept("text/csv")
                        .contentType(ContentType.JSON)
                        .body("{}")
                        .post("/edge/typed"),
                406,
                "not_acceptable");
        assertCode(given().get("/edge/conflict"), 409, "conflict");
        // a resource's own ApiError without a code, and a bare status without a body
        assertCode(given().get("/edge/status/413"), 413, "payload_too_large");
        assertCode(given().get("/edge/status/429?empty=true"), 429, "rate_limited");
        assertCode(given().get("/edge/status/400?empty=true"), 400, "bad_request");
        assertCode(given().get("/edge/status/418?empty=true"), 418, "client_error");
        assertCode(given().get("/edge/status/503"), 503, "service_unavailable");
        assertThat(given().get("/edge/status/413").jsonPath().getString("detail"))
                .isEqualTo("Answered 413 by the resource");
    }

    /**
     * Issue 18.2: a failure because a dependency is down (as a {@code DependencyFailures} bean classifies it;
     * platform-outbox's says so for its transient failures) is 503 {@code dependency_unavailable} with Retry-After;
     * any other unexpected failure stays 500 {@code internal_error} without Retry-After.
     */
    @Test
    void aDependencyThatIsDownIs503WithRetryAfterAndABugStays500() {
        Response down = given().get("/edge/failure/dependency-down");
        assertCode(down, 503, "dependency_unavailable");
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(down.jsonPath().getString("detail")).contains("nothing was stored");
        Response bug = given().get("/edge/failure/bug");
        assertCode(bug, 500, "internal_error");
        assertThat(bug.header("Retry-After")).isNull();
    }

    /** Services throw domain exceptions; the shared mapper answers them with the kind's status and code. */
    @Test
    void domainExceptionsAreAnsweredWithTheirKindsStatusAndCode() {
        assertDomain("not-found", 404, "not_found", "Thing 7 not found");
        assertDomain("conflict", 409, "conflict", "Thing 7 is already settled");
        assertDomain("rejected", 400, "bad_request", "The pharmacy has no e-mail channel configured");
        assertDomain("not-allowed", 403, "forbidden", "You can only access records of your center");
        Response unauthenticated = assertDomain("not-authenticated", 401, "unauthorized", "Unsigned webhook call");
        assertThat(unauthenticated.header("WWW-Authenticate")).isEqualTo("Signature");
        assertThat(unauthenticated.jsonPath().getList("errors")).isNull();

        Response coded = assertDomain("conflict-coded", 409, "already_settled", "Thing 7 is already settled");
        assertThat(coded.jsonPath().getString("errors[0].field")).isEqualTo("thing_id");
        assertThat(coded.jsonPath().getString("errors[0].message")).isEqualTo("Thing 7 is already settled");
    }

    private static Response assertDomain(String kind, int status, String code, String detail) {
        Response response = given().get("/edge/domain/" + kind);
        response.then().statusCode(status).contentType(ContentType.JSON).body("code", equalTo(code));
        assertThat(response.jsonPath().getString("detail")).as(kind).isEqualTo(detail);
        return response;
    }

    private static void assertUnfit(String body, String field, String message) {
        JsonPath answer = given().contentType(ContentType.JSON)
                .body(body)
                .post("/edge/typed")
                .then()
                .statusCode(422)
                .contentType(ContentType.JSON)
                .body("code", equalTo("validation_failed"))
                .extract()
                .jsonPath();
        assertThat(answer.getString("errors[0].field")).as(body).isEqualTo(field);
        assertThat(answer.getString("errors[0].message")).as(body).contains(message);
        assertThat(answer.getString("detail")).as(body).startsWith(field + ": ");
    }

    private static void assertCode(Response response, int status, String code) {
        response.then().statusCode(status).contentType(ContentType.JSON).body("code", equalTo(code));
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
    }
}
