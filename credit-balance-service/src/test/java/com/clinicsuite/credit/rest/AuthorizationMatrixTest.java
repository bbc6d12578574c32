package com.clinicsuite.credit.rest;

import static io.restassured.RestAssured.given;

import com.clinicsuite.testkit.AuthorizationMatrixContract;
import com.clinicsuite.testkit.EndpointTable.Endpoint;
import com.clinicsuite.testkit.MatrixCaller;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/**
 * deploy/gateway/endpoints.tsv's credit-balance-service rows × every caller. The record they name is of
 * {@link #RECORD_CENTER}; a DELETE gets a record of its own, so the others keep theirs.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    private static long recordId;
    private static String voucher;

    @Override
    protected String service() {
        return "credit-balance-service";
    }

    @Override
    protected void prepare() {
        recordId = newRecord();
        voucher = given().auth()
                .oauth2(TestTokens.admin())
                .get("/credit-balances/" + recordId)
                .then()
                .statusCode(200)
                .extract()
                .path("voucher_number");
    }

    @Override
    protected String pathParameter(String name, Endpoint endpoint, MatrixCaller caller) {
        return switch (name) {
            case "id" -> Long.toString(endpoint.method().equals("DELETE") ? newRecord() : recordId);
            case "center_name" -> RECORD_CENTER;
            case "user_name" -> "matrix-admin";
            default -> super.pathParameter(name, endpoint, caller);
        };
    }

    @Override
    protected RequestSpecification request(Endpoint endpoint, MatrixCaller caller, RequestSpecification request) {
        return switch (endpoint.key()) {
            case "POST /credit-balances" ->
                request.contentType(ContentType.JSON).body(recordBody());
            case "PUT /credit-balances/{id}" ->
                request.contentType(ContentType.JSON).body(Map.of("treatment_name", "Matrix Treatment"));
            case "POST /credit-balances/by-voucher" ->
                request.contentType(ContentType.JSON).body(Map.of("voucher_number", voucher));
            default -> request;
        };
    }

    private static long newRecord() {
        return CreditBalances.create(TestTokens.admin(), recordBody());
    }

    private static Map<String, Object> recordBody() {
        return CreditBalances.body(CreditBalances.uniqueCode("MX"), RECORD_CENTER, "9811076543");
    }
}
