package com.clinicsuite.auth;

import static com.clinicsuite.auth.AuthApi.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Refresh tokens: rotated on use, stored hashed, revoked by logout, reuse and deactivation. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class RefreshTokenTest {

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("refresh_token", refreshToken))
                .when()
                .post("/auth/refresh");
    }

    @Test
    void refreshRotatesTheTokenAndAnswersANewAccessToken() {
        String username = AuthApi.unique("spa");
        AuthApi.createUser(username, List.of("staff"), "Preet Vihar");
        String first = AuthApi.login(username, PASSWORD)
                .then()
                .statusCode(200)
                .extract()
                .path("refresh_token");

        Response answer = refresh(first);
        answer.then()
                .statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(1800))
                .body("user.username", equalTo(username))
                .body("refresh_token", not(equalTo(first)));
        String second = answer.path("refresh_token");
        given().auth()
                .oauth2(answer.<String>path("access_token"))
                .when()
                .get("/users/me")
                .then()
                .statusCode(200)
                .body("center", equalTo("Preet Vihar"));
        refresh(second).then().statusCode(200).body("refresh_token", notNullValue());
    }

    @Test
    void aReusedRefreshTokenRevokesTheWholeSession() {
        String username = AuthApi.unique("replay");
        AuthApi.createUser(username, List.of("staff"), null);
        String first = AuthApi.login(username, PASSWORD).path("refresh_token");
        String second = refresh(first).then().statusCode(200).extract().path("refresh_token");

        refresh(first).then().statusCode(401).body("detail", notNullValue());
        // the thief's replay ended the session: the legitimate successor is revoked too
        refresh(second).then().statusCode(401);
    }

    @Test
    void logoutRevokesTheSession() {
        String username = AuthApi.unique("logout");
        AuthApi.createUser(username, List.of("staff"), null);
        String token = AuthApi.login(username, PASSWORD).path("refresh_token");

        given().contentType(ContentType.JSON)
                .body(Map.of("refresh_token", token))
                .when()
                .post("/auth/logout")
                .then()
                .statusCode(204);
        refresh(token).then().statusCode(401);
        // logging out twice (or with an unknown token) is harmless
        given().contentType(ContentType.JSON)
                .body(Map.of("refresh_token", "unknown"))
                .when()
                .post("/auth/logout")
                .then()
                .statusCode(204);
    }

    @Test
    void deactivatingAUserEndsTheirSessions() {
        String username = AuthApi.unique("leaver");
        long id = AuthApi.createUser(username, List.of("staff"), null);
        String token = AuthApi.login(username, PASSWORD).path("refresh_token");
        given().auth()
                .oauth2(AuthApi.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("is_active", false))
                .when()
                .put("/admin/users/" + id)
                .then()
                .statusCode(200);
        refresh(token).then().statusCode(401);
    }

    @Test
    void refreshTokensAreStoredOnlyAsHashes() throws Exception {
        String username = AuthApi.unique("hashed");
        long id = AuthApi.createUser(username, List.of("staff"), null);
        String token = AuthApi.login(username, PASSWORD).path("refresh_token");
        String expectedHash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));

        try (Connection db = SuiteInfrastructure.jdbcConnection();
                PreparedStatement query =
                        db.prepareStatement("SELECT token_hash FROM refresh_token WHERE user_id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(expectedHash).isNotEqualTo(token);
            }
        }
    }

    @Test
    void malformedRefreshRequestsAre422() {
        given().contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/auth/refresh")
                .then()
                .statusCode(422);
    }
}
