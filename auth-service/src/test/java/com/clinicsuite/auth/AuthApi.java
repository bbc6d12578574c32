package com.clinicsuite.auth;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Calls of auth-service's own API that many tests need: sign in, create users and pharmacies. */
final class AuthApi {

    static final String ADMIN_USERNAME = "bootstrap-admin";
    static final String ADMIN_PASSWORD = "test-only-Bootstrap-Pass-1";
    static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    private AuthApi() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client address of its own (X-Forwarded-For from the trusted loopback), so lockouts stay per test. */
    static String freshAddress() {
        int n = ADDRESS.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    static Response login(String username, String password) {
        return login(username, password, freshAddress());
    }

    static Response login(String username, String password, String clientAddress) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", clientAddress)
                .body(Map.of("username", username, "password", password))
                .when()
                .post("/login");
    }

    static String token(String username, String password) {
        return login(username, password).then().statusCode(200).extract().path("access_token");
    }

    static String adminToken() {
        return token(ADMIN_USERNAME, ADMIN_PASSWORD);
    }

    /** Creates a user with {@link #PASSWORD}; answers its id. */
    static long createUser(String username, List<String> roles, String center) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "username",
                username,
                "password",
                PASSWORD,
                "email",
                username + "@example.org",
                "full_name",
                "Test " + username,
                "roles",
                roles));
        if (center != null) {
            body.put("center", center);
        }
        Number id = given().auth()
                .oauth2(adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/admin/users")
                .then()
                .statusCode(201)
                .extract()
                .path("user_id");
        return id.longValue();
    }

    static long createPharmacy(String name) {
        Number id = given().auth()
                .oauth2(adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "code", unique("PH")))
                .when()
                .post("/admin/pharmacies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return id.longValue();
    }

    static void grant(long userId, long pharmacyId, boolean read, boolean write) {
        given().auth()
                .oauth2(adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("can_read", read, "can_write", write))
                .when()
                .put("/admin/users/" + userId + "/pharmacies/" + pharmacyId)
                .then()
                .statusCode(200);
    }
}
