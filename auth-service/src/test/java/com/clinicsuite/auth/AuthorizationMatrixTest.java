package com.clinicsuite.auth;

import com.clinicsuite.auth.keys.SigningKey;
import com.clinicsuite.auth.keys.SigningKeyRing;
import com.clinicsuite.testkit.AuthorizationMatrixContract;
import com.clinicsuite.testkit.EndpointTable.Endpoint;
import com.clinicsuite.testkit.MatrixCaller;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * deploy/gateway/endpoints.tsv's auth-service rows × every caller. auth-service trusts only its own key ring, so the
 * callers' tokens are signed with its active key (the bad signature with another key under the same key id), and
 * name real users: a staff user for every caller but the admin, who is a real admin. The paths name another user
 * and a real pharmacy; sign-in calls use that staff user's password.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    private static String subjectName;
    private static long subjectId;
    private static long adminId;
    private static long targetUserId;
    private static long pharmacy;

    @Inject
    SigningKeyRing keys;

    @Override
    protected String service() {
        return "auth-service";
    }

    @Override
    protected void prepare() {
        subjectName = AuthApi.unique("matrix-subject");
        subjectId = AuthApi.createUser(subjectName, List.of("staff"), RECORD_CENTER);
        adminId = AuthApi.createUser(AuthApi.unique("matrix-admin"), List.of("admin"), null);
        targetUserId = AuthApi.createUser(AuthApi.unique("matrix-target"), List.of("staff"), OTHER_CENTER);
        pharmacy = AuthApi.createPharmacy(AuthApi.unique("Matrix Pharmacy"));
    }

    @Override
    protected long pharmacyId() {
        return pharmacy;
    }

    @Override
    protected String sign(MatrixCaller caller, TestTokens.Builder claims) {
        SigningKey active = keys.active();
        return claims.id(caller == MatrixCaller.ADMIN ? adminId : subjectId)
                .signingKey(active.privateKey(), active.kid())
                .sign();
    }

    @Override
    protected String pathParameter(String name, Endpoint endpoint, MatrixCaller caller) {
        return switch (name) {
            case "id" -> Long.toString(endpoint.path().startsWith("/admin/pharmacies/") ? pharmacy : targetUserId);
            default -> super.pathParameter(name, endpoint, caller);
        };
    }

    @Override
    protected RequestSpecification request(Endpoint endpoint, MatrixCaller caller, RequestSpecification request) {
        return switch (endpoint.key()) {
            case "POST /login" ->
                request.contentType(ContentType.JSON)
                        .header("X-Forwarded-For", AuthApi.freshAddress())
                        .body(Map.of("username", subjectName, "password", AuthApi.PASSWORD));
            case "POST /token" ->
                request.contentType(ContentType.URLENC)
                        .header("X-Forwarded-For", AuthApi.freshAddress())
                        .formParam("grant_type", "password")
                        .formParam("username", subjectName)
                        .formParam("password", AuthApi.PASSWORD);
            case "POST /auth/refresh" -> {
                // a refresh token is used once: each call gets one of its own
                String refreshToken = AuthApi.login(subjectName, AuthApi.PASSWORD)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("refresh_token");
                yield request.contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken));
            }
            case "POST /auth/logout" ->
                request.contentType(ContentType.JSON).body(Map.of("refresh_token", "matrix-unknown-refresh-token"));
            case "POST /admin/users" ->
                request.contentType(ContentType.JSON)
                        .body(Map.of(
                                "username",
                                AuthApi.unique("matrix-new"),
                                "password",
                                AuthApi.PASSWORD,
                                "roles",
                                List.of("staff"),
                                "center",
                                RECORD_CENTER));
            case "PUT /admin/users/{id}" ->
                request.contentType(ContentType.JSON).body(Map.of("full_name", "Matrix Target"));
            case "PUT /admin/users/{id}/pharmacies/{pharmacy_id}" ->
                request.contentType(ContentType.JSON).body(Map.of("can_read", true, "can_write", false));
            case "POST /admin/pharmacies" ->
                request.contentType(ContentType.JSON)
                        .body(Map.of("name", AuthApi.unique("Matrix Pharmacy"), "code", AuthApi.unique("MX")));
            case "PUT /admin/pharmacies/{id}" ->
                request.contentType(ContentType.JSON).body(Map.of("name", AuthApi.unique("Matrix Pharmacy")));
            default -> request;
        };
    }
}
