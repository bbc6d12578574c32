package com.clinicsuite.imports.debtors;

import static com.clinicsuite.imports.debtors.DebtorTestSupport.pharmacyExists;
import static com.clinicsuite.imports.debtors.DebtorTestSupport.queryLong;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.clinicsuite.imports.debtors.pdf.HostilePdfs;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile PDFs through the upload endpoint: 413 for a file over a size limit, 422 for one that cannot be read as a
 * report, with a message the user can act on; nothing is handed to debtor-service, so the pharmacy's debtors stay
 * as they were, and the refusal is recorded.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class DebtorUploadLimitsTest {

    private static final long PHARMACY = 7301;

    @Test
    void bombsAndOversizedTextsAreRefusedAndNothingIsHandedOver() throws Exception {
        pharmacyExists(PHARMACY);

        upload(HostilePdfs.pageBomb(10_001), "pages.pdf")
                .statusCode(413)
                .body("detail", startsWith("The PDF has more than 10000 pages"));
        upload(HostilePdfs.deflateBombContent(256L << 20), "inflates.pdf")
                .statusCode(413)
                .body("detail", containsString("expands to more than 2 MB"));
        upload(HostilePdfs.longLine(50_000), "line.pdf")
                .statusCode(422)
                .body("detail", containsString("a line of more than 10000 characters"));
        upload(
                        HostilePdfs.report(
                                "Long Name Pharmacy",
                                List.of(
                                        new HostilePdfs.Account("000101", "MR A SHORT", "10.00"),
                                        new HostilePdfs.Account("000102", "MRS " + "B".repeat(4_996), "20.00"))),
                        "names.pdf")
                .statusCode(422)
                .body("detail", startsWith("Account 000102 has a name of 5000 characters; at most 200"));

        assertEquals(
                0,
                queryLong("select count(*) from outbox_event where aggregate_key = ?", Long.toString(PHARMACY)),
                "events handed over for refused files");
        assertEquals(
                4,
                queryLong(
                        "select count(*) from debtor_report_upload where pharmacy_id = ? and status = 'failed'",
                        PHARMACY));
    }

    private static ValidatableResponse upload(byte[] pdf, String filename) {
        return DebtorUploads.upload(PHARMACY, TestTokens.pharmacyWriter(PHARMACY), filename, pdf)
                .then();
    }
}
