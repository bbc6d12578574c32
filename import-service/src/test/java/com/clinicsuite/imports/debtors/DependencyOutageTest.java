package com.clinicsuite.imports.debtors;

import static com.clinicsuite.imports.debtors.DebtorTestSupport.pharmacyExists;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryLong;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.clinicsuite.imports.credit.parse.CreditFixtures;
import com.clinicsuite.testkit.PostgresServer;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.2: while the database is down, both uploads answer 503 {@code dependency_unavailable} with
 * {@code Retry-After} (not 500), in the JSON error shape, and store nothing; once it is back the same upload works
 * and is stored once. The test kit's PostgreSQL is stopped as an operator would ({@code pg_ctl stop -m fast}).
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class DependencyOutageTest {

    @Test
    void uploadsAnswer503WithRetryAfterWhileTheDatabaseIsDownAndWorkOnceItIsBack() throws Exception {
        long pharmacy = 7311;
        pharmacyExists(pharmacy);
        long creditJobsBefore = queryLong("select count(*) from credit_import_job");
        PostgresServer postgres = PostgresServer.get();
        postgres.stop();
        try {
            debtorUpload(pharmacy)
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .contentType("application/json")
                    .body("code", equalTo("dependency_unavailable"))
                    .body(
                            "detail",
                            startsWith("A service this request depends on (the database or the message broker)"
                                    + " is not available right now; nothing was stored."));
            creditUpload()
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .body("code", equalTo("dependency_unavailable"));
        } finally {
            postgres.start();
        }
        assertThat(queryLong("select count(*) from debtor_report_upload where pharmacy_id = ?", pharmacy))
                .as("nothing of the refused upload was stored")
                .isZero();
        assertThat(queryLong("select count(*) from credit_import_job")).isEqualTo(creditJobsBefore);

        // the same uploads again: the pool reconnects, they are taken (debtor-service does not run here: 202)
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> debtorUpload(pharmacy).statusCode() == 202);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> creditUpload().statusCode() == 202);
        assertThat(queryLong(
                        "select count(*) from debtor_report_upload where pharmacy_id = ? and status = 'processing'",
                        pharmacy))
                .as("stored once, by the try that worked")
                .isEqualTo(1);
        assertThat(queryLong("select count(*) from credit_import_job")).isEqualTo(creditJobsBefore + 1);
    }

    private static Response debtorUpload(long pharmacy) {
        return DebtorUploads.upload(pharmacy, TestTokens.pharmacyWriter(pharmacy), "deb013/winterton_small.pdf");
    }

    private static Response creditUpload() {
        return given().auth()
                .oauth2(TestTokens.admin())
                .multiPart("file", new File(CreditFixtures.file("main.xlsx").toString()))
                .multiPart("mode", "upsert")
                .post("/credit-balances/import")
                .andReturn();
    }
}
