package com.clinicsuite.debtor;

import com.clinicsuite.testkit.AuthorizationMatrixContract;
import com.clinicsuite.testkit.EndpointTable.Endpoint;
import com.clinicsuite.testkit.MatrixCaller;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** deploy/gateway/endpoints.tsv's debtor-service rows × every caller, on a pharmacy with one debtor. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    private static long pharmacyId;
    private static long debtorId;

    @Override
    protected String service() {
        return "debtor-service";
    }

    @Override
    protected void prepare() {
        pharmacyId = Fixtures.pharmacy("Matrix Pharmacy");
        Fixtures.channels(pharmacyId, true, true);
        Fixtures.report(
                pharmacyId,
                List.of(Fixtures.account("600001", "MATRIX DEBTOR", "99.00", "matrix@example.com", "0820000098")),
                10);
        debtorId = Fixtures.count("SELECT id FROM debtor WHERE pharmacy_id = ?", pharmacyId);
    }

    @Override
    protected long pharmacyId() {
        return pharmacyId;
    }

    @Override
    protected String pathParameter(String name, Endpoint endpoint, MatrixCaller caller) {
        return name.equals("debtor_id") ? Long.toString(debtorId) : super.pathParameter(name, endpoint, caller);
    }

    @Override
    protected RequestSpecification request(Endpoint endpoint, MatrixCaller caller, RequestSpecification request) {
        return switch (endpoint.key()) {
            case "POST /pharmacies/{pharmacy_id}/debtors/download-csv",
                    "POST /pharmacies/{pharmacy_id}/debtors/download-pdf" ->
                request.contentType(ContentType.JSON).body(Map.of());
            case "POST /pharmacies/{pharmacy_id}/debtors/send-email",
                    "POST /pharmacies/{pharmacy_id}/debtors/send-sms" ->
                request.contentType(ContentType.JSON).body(Map.of("debtor_ids", List.of(debtorId), "force", true));
            default -> request;
        };
    }
}
