package com.clinicsuite.imports;

import com.clinicsuite.imports.debtors.DebtorTestSupport;
import com.clinicsuite.testkit.AuthorizationMatrixContract;
import com.clinicsuite.testkit.EndpointTable.Endpoint;
import com.clinicsuite.testkit.MatrixCaller;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/**
 * deploy/gateway/endpoints.tsv's import-service rows × every caller. Uploads are multipart without a file: an
 * authorized caller gets the 400 that asks for one, so no report or import job is started.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Override
    protected String service() {
        return "import-service";
    }

    @Override
    protected void prepare() {
        try {
            DebtorTestSupport.pharmacyExists(pharmacyId());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected String pathParameter(String name, Endpoint endpoint, MatrixCaller caller) {
        return name.equals("import_id") ? UUID.randomUUID().toString() : super.pathParameter(name, endpoint, caller);
    }

    @Override
    protected RequestSpecification request(Endpoint endpoint, MatrixCaller caller, RequestSpecification request) {
        return switch (endpoint.key()) {
            case "POST /pharmacies/{pharmacy_id}/debtors/upload", "POST /credit-balances/import" ->
                request.multiPart("note", "no file: the authorization matrix");
            default -> request;
        };
    }
}
