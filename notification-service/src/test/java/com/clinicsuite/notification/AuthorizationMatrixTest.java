package com.clinicsuite.notification;

import com.clinicsuite.notification.support.TestData;
import com.clinicsuite.testkit.AuthorizationMatrixContract;
import com.clinicsuite.testkit.EndpointTable.Endpoint;
import com.clinicsuite.testkit.MatrixCaller;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.Map;

/**
 * deploy/gateway/endpoints.tsv's notification-service rows × every caller; webhooks with the test profile's
 * provider tokens.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    private static final long PHARMACY = TestData.newPharmacyId();

    @Override
    protected String service() {
        return "notification-service";
    }

    @Override
    protected long pharmacyId() {
        return PHARMACY;
    }

    @Override
    protected String pathParameter(String name, Endpoint endpoint, MatrixCaller caller) {
        return switch (name) {
            case "channel" -> "sms";
            case "phone" -> "0821234567";
            default -> super.pathParameter(name, endpoint, caller);
        };
    }

    @Override
    protected RequestSpecification request(Endpoint endpoint, MatrixCaller caller, RequestSpecification request) {
        return switch (endpoint.key()) {
            case "PUT /pharmacies/{pharmacy_id}/notification-settings" ->
                request.contentType(ContentType.JSON).body(TestData.smtpSettings());
            case "PUT /pharmacies/{pharmacy_id}/templates/{channel}" ->
                request.contentType(ContentType.JSON).body(Map.of("text", "Please settle your account."));
            case "POST /pharmacies/{pharmacy_id}/templates/{channel}/preview" ->
                request.contentType(ContentType.JSON)
                        .body(Map.of(
                                "debtor_name",
                                "Matrix Debtor",
                                "acc_no",
                                "MX1",
                                "amount_due",
                                new BigDecimal("10.00")));
            case "POST /notifications/webhooks/sendgrid",
                    "POST /notifications/webhooks/smsportal",
                    "POST /notifications/webhooks/smsportal/replies" ->
                request.contentType(ContentType.JSON).body("[]");
            default -> request;
        };
    }

    @Override
    protected RequestSpecification providerCredentials(Endpoint endpoint, RequestSpecification request) {
        return request.header(
                "X-Webhook-Token",
                endpoint.path().endsWith("/sendgrid") ? "test-sendgrid-webhook-token" : "test-smsportal-webhook-token");
    }
}
