package com.clinicsuite.auth;

import static com.clinicsuite.auth.AuthApi.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of /login, /token and /users/me, against real PostgreSQL. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class LoginTest {

    @Test
    void loginAnswersTheContractShapeWithTheUser() {
        String username = AuthApi.unique("thandi");
        long userId = AuthApi.createUser(username, List.of("staff"), "gk-2");
        long pharmacyId = AuthApi.createPharmacy("Winterton Pharmacy");
        AuthApi.grant(userId, pharmacyId, true, true);

        AuthApi.login(username, PASSWORD)
                .then()
                .statusCode(200)
                .body("access_token", notNullValue())
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(1800))
                .body("refresh_token", notNullValue())
                .body("user.id", equalTo((int) userId))
                .body("user.username", equalTo(username))
                .body("user.email", equalTo(username + "@example.org"))
                .body("user.full_name", equalTo("Test " + username))
                .body("user.is_active", equalTo(true))
                .body("user.roles", containsInAnyOrder("staff", "pharmacy"))
                .body("user.center", equalTo("GK2"))
                .body("user.pharmacies.pharmacy_id", contains((int) pharmacyId))
                .body("user.pharmacies[0].pharmacy_name", equalTo("Winterton Pharmacy"))
                .body("user.pharmacies[0].can_read", equalTo(true))
                .body("user.pharmacies[0].can_write", equalTo(true));
    }

    @Test
    void tokenEndpointImplementsTheOauth2PasswordGrant() {
        String username = AuthApi.unique("oauth");
        AuthApi.createUser(username, List.of("staff"), "Pitampura");

        String token = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .when()
                .post("/token")
                .then()
                .statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(1800))
                .extract()
                .path("access_token");

        given().auth()
                .oauth2(token)
                .when()
                .get("/users/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(username))
                .body("center", equalTo("Pitampura"));

        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .when()
                .post("/token")
                .then()
                .statusCode(400)
                .body("detail", notNullValue());
    }

    @Test
    void usersMeAnswersTheCurrentUser() {
        String username = AuthApi.unique("me");
        long id = AuthApi.createUser(username, List.of(), null);
        given().auth()
                .oauth2(AuthApi.token(username, PASSWORD))
                .when()
                .get("/users/me")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("username", equalTo(username))
                .body("is_active", equalTo(true))
                .body("roles", equalTo(List.of()))
                .body("center", equalTo(null))
                .body("pharmacies", equalTo(List.of()));
    }

    @Test
    void wrongPasswordUnknownUserAndInactiveUserGetTheSame401() {
        String username = AuthApi.unique("inactive");
        long id = AuthApi.createUser(username, List.of("staff"), null);
        given().auth()
                .oauth2(AuthApi.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("is_active", false))
                .when()
                .put("/admin/users/" + id)
                .then()
                .statusCode(200);

        var wrongPassword = AuthApi.login(AuthApi.ADMIN_USERNAME, "not-the-password");
        var unknownUser = AuthApi.login(AuthApi.unique("nobody"), PASSWORD);
        var inactiveUser = AuthApi.login(username, PASSWORD);
        for (var answer : List.of(wrongPassword, unknownUser, inactiveUser)) {
            answer.then()
                    .statusCode(401)
                    .header("WWW-Authenticate", "Bearer")
                    .body("detail", equalTo("Incorrect username or password"));
        }
        assertThat(unknownUser.asString()).isEqualTo(wrongPassword.asString()).isEqualTo(inactiveUser.asString());
    }

    @Test
    void badLoginBodiesAreRejectedWithoutA500() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "x"))
                .when()
                .post("/login")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("password"));
        given().contentType(ContentType.JSON)
                .body("{not json")
                .when()
                .post("/login")
                .then()
                .statusCode(400)
                .body("detail", notNullValue());
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .when()
                .post("/token")
                .then()
                .statusCode(400)
                .body("detail", notNullValue());
    }

    @Test
    void usersMeNeedsAValidToken() {
        given().when()
                .get("/users/me")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("Not authenticated: send a valid bearer token"));
        given().auth().oauth2("not.a.token").when().get("/users/me").then().statusCode(401);
    }
}
