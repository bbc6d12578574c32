package com.clinicsuite.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.auth.keys.SigningKey;
import com.clinicsuite.auth.keys.SigningKeyRing;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every admin endpoint × {no token, expired, bad signature, non-admin, admin}. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class AdminAuthorizationMatrixTest {

    enum Caller {
        NO_TOKEN,
        EXPIRED,
        BAD_SIGNATURE,
        NON_ADMIN,
        ADMIN
    }

    /** An admin endpoint with a request an admin is allowed to make. */
    record Endpoint(String method, String path, Supplier<Object> body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final long MISSING = 999_999_999L;
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);

    @Inject
    SigningKeyRing keys;

    static Stream<Arguments> matrix() {
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/admin/users", null),
                new Endpoint("GET", "/admin/users/access", null),
                new Endpoint("GET", "/admin/users/" + MISSING, null),
                new Endpoint(
                        "POST",
                        "/admin/users",
                        () -> Map.of(
                                "username",
                                AuthApi.unique("matrix"),
                                "password",
                                AuthApi.PASSWORD,
                                "roles",
                                List.of("staff"))),
                new Endpoint("PUT", "/admin/users/" + MISSING, () -> Map.of("full_name", "Nobody")),
                new Endpoint(
                        "PUT",
                        "/admin/users/" + MISSING + "/pharmacies/" + MISSING,
                        () -> Map.of("can_read", true, "can_write", false)),
                new Endpoint("DELETE", "/admin/users/" + MISSING + "/pharmacies/" + MISSING, null),
                new Endpoint("GET", "/admin/pharmacies", null),
                new Endpoint("POST", "/admin/pharmacies", () -> Map.of("name", "Matrix Pharmacy")),
                new Endpoint("GET", "/admin/pharmacies/" + MISSING, null),
                new Endpoint("PUT", "/admin/pharmacies/" + MISSING, () -> Map.of("name", "Renamed")),
                new Endpoint("GET", "/admin/audit", null));
        return endpoints.stream().flatMap(e -> Stream.of(Caller.values()).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void onlyAdminsGetThrough(Endpoint endpoint, Caller caller) {
        var request = given().contentType(ContentType.JSON);
        String token = token(caller);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.body() != null) {
            request.body(endpoint.body().get());
        }
        Response response = request.when().request(endpoint.method(), endpoint.path());

        switch (caller) {
            case NO_TOKEN, EXPIRED, BAD_SIGNATURE ->
                response.then()
                        .statusCode(401)
                        .header("WWW-Authenticate", "Bearer")
                        .body("detail", equalTo("Not authenticated: send a valid bearer token"));
            case NON_ADMIN -> response.then().statusCode(403).body("detail", equalTo("You are not allowed to do this"));
            // an admin gets through: the answer is the endpoint's own (404 for the ids that do not exist)
            case ADMIN ->
                assertThat(response.statusCode()).as(response.asString()).isIn(200, 201, 204, 404);
        }
    }

    private String token(Caller caller) {
        return switch (caller) {
            case NO_TOKEN -> null;
            case ADMIN -> TOKENS.computeIfAbsent(caller, c -> AuthApi.adminToken());
            case NON_ADMIN ->
                TOKENS.computeIfAbsent(caller, c -> {
                    String username = AuthApi.unique("staff");
                    AuthApi.createUser(username, List.of("staff"), "GK2");
                    return AuthApi.token(username, AuthApi.PASSWORD);
                });
            // signed by auth-service's own key, but expired an hour ago
            case EXPIRED ->
                adminClaims(
                        Instant.now().minus(Duration.ofHours(2)), keys.active().privateKey());
            // names auth-service's key id, but signed by another key
            case BAD_SIGNATURE -> adminClaims(Instant.now(), foreignKey());
        };
    }

    private String adminClaims(Instant issuedAt, PrivateKey signWith) {
        SigningKey active = keys.active();
        return Jwt.issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .subject("1")
                .upn("admin")
                .preferredUserName("admin")
                .groups("admin")
                .claim("pharmacies", Map.of())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(Duration.ofHours(1)))
                .jws()
                .keyId(active.kid())
                .sign(signWith);
    }

    private static PrivateKey foreignKey() {
        try {
            return KeyUtils.generateKeyPair(2048).getPrivate();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
