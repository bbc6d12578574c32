package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.documents.RandFormat;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ExportTest {

    static final String HEADER =
            "Account No,Name,Current,30 Days,60 Days,90 Days,120 Days,150 Days,180 Days,Balance,Email,Phone";

    @Test
    void csvHasTheContractHeaderAndOneRowPerOrdinaryDebtorByBalance() {
        long pharmacyId = Fixtures.pharmacy("CSV Pharmacy");
        GroundTruth truth = GroundTruth.load("tlc_medium");
        Fixtures.report(pharmacyId, truth.accounts(), 200);

        Response response = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .post("/pharmacies/{p}/debtors/download-csv", pharmacyId);
        response.then()
                .statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=debtors_" + pharmacyId + ".csv"))
                .contentType("text/csv; charset=UTF-8");
        List<String> lines = response.asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        List<DebtorReportChunk.Account> expected = truth.ordinary().stream()
                .sorted(Comparator.comparing(
                                (DebtorReportChunk.Account a) -> a.amounts().balance())
                        .reversed()
                        .thenComparing(DebtorReportChunk.Account::accNo))
                .toList();
        assertThat(lines).hasSize(expected.size() + 1);
        DebtorReportChunk.Account top = expected.get(0);
        DebtorReportChunk.Amounts m = top.amounts();
        assertThat(lines.get(1))
                .isEqualTo(String.join(
                        ",",
                        top.accNo(),
                        csvText(top.name()),
                        m.current().toPlainString(),
                        m.d30().toPlainString(),
                        m.d60().toPlainString(),
                        m.d90().toPlainString(),
                        m.d120().toPlainString(),
                        m.d150().toPlainString(),
                        m.d180().toPlainString(),
                        m.balance().toPlainString(),
                        top.email() == null ? "" : top.email(),
                        top.phone() == null ? "" : top.phone()));
    }

    private static String csvText(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    @Test
    void csvSelectsByIdsAndMinBalance() {
        long pharmacyId = Fixtures.pharmacy("CSV Filter Pharmacy");
        Fixtures.report(
                pharmacyId,
                List.of(
                        Fixtures.account("1", "SMALL", "50.00", null, null),
                        Fixtures.account("2", "LARGE", "500.00", null, null),
                        Fixtures.account("3", "MEDIUM", "150.00", null, null)),
                10);
        String body = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .contentType("application/json")
                .body(Map.of("min_balance", 100))
                .post("/pharmacies/{p}/debtors/download-csv", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(body.lines().skip(1).map(l -> l.split(",")[0]).toList()).containsExactly("2", "3");

        long id = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .queryParam("search", "SMALL")
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .extract()
                .jsonPath()
                .getLong("debtors[0].id");
        String one = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .contentType("application/json")
                .body(Map.of("debtor_ids", List.of(id)))
                .post("/pharmacies/{p}/debtors/download-csv", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(one.lines().toList()).hasSize(2).last().asString().startsWith("1,SMALL,");
    }

    @Test
    void csvNeutralisesFormulaCellsAndKeepsNegativeAmountsNumeric() {
        long pharmacyId = Fixtures.pharmacy("Injection Pharmacy");
        BigDecimal zero = new BigDecimal("0.00");
        DebtorReportChunk.Account credit = new DebtorReportChunk.Account(
                "900",
                "-CREDIT, \"QUOTED\"",
                new DebtorReportChunk.Amounts(
                        new BigDecimal("-45.76"), zero, zero, zero, zero, zero, zero, new BigDecimal("-45.76")),
                "@evil.example",
                "+27821234567",
                List.of(),
                false,
                null,
                null,
                null,
                null);
        List<DebtorReportChunk.Account> accounts = new ArrayList<>(List.of(
                Fixtures.account("901", "=HYPERLINK(\"http://evil.example\",\"Click\")", "10.00", null, null),
                Fixtures.account("902", "+SUM(A1:A2)", "20.00", null, null),
                Fixtures.account("903", "@SUM(1+1)", "30.00", null, null),
                Fixtures.account("904", "\tTAB", "40.00", null, null),
                Fixtures.account("905", "\rCR", "50.00", null, null),
                Fixtures.account("906", "＝HYPERLINK(\"http://evil.example\")", "60.00", null, null),
                Fixtures.account("907", "＋SUM(1)", "70.00", "－x@example.com", "＠1"),
                Fixtures.account("908", "|calc", "80.00", null, null),
                credit));
        Fixtures.report(pharmacyId, accounts, 10);
        String body = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .post("/pharmacies/{p}/debtors/download-csv", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // leading blanks (tab, CR) are trimmed when the report is applied; DebtorCsvTest covers them in the writer
        assertThat(body)
                .contains("\r\n905,CR,")
                .contains("\r\n901,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",0.00,0.00,10.00,")
                .contains("\r\n902,'+SUM(A1:A2),")
                .contains("\r\n903,'@SUM(1+1),")
                .contains("\r\n904,TAB,")
                .contains("\r\n906,\"'＝HYPERLINK(\"\"http://evil.example\"\")\",")
                .contains("\r\n907,'＋SUM(1),")
                .contains(",'－x@example.com,'＠1\r\n")
                .contains("\r\n908,'|calc,")
                .contains(
                        "\r\n900,\"'-CREDIT, \"\"QUOTED\"\"\",-45.76,0.00,0.00,0.00,0.00,0.00,0.00,-45.76,'@evil.example,'+27821234567\r\n");
    }

    @Test
    void pdfIsALandscapeReportWithTitleHeadingsTotalsAndPageNumbers() throws Exception {
        long pharmacyId = Fixtures.pharmacy("Pharmacie Hélène & Müller");
        GroundTruth truth = GroundTruth.load("tlc_medium");
        List<DebtorReportChunk.Account> accounts = new ArrayList<>(truth.accounts());
        accounts.add(Fixtures.account("999001", "GONÇALVES, HÉLÈNE MÜLLER", "12.34", null, null));
        Fixtures.report(pharmacyId, accounts, 200);

        Response response = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .contentType("application/json")
                .body(Map.of(
                        "ageing_buckets",
                        List.of("d60", "d90"),
                        "col_names",
                        Map.of("acc_no", "Rekening", "d60", "Sestig dae")))
                .post("/pharmacies/{p}/debtors/download-pdf", pharmacyId);
        response.then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", equalTo("attachment; filename=debtors_" + pharmacyId + ".pdf"));
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            PDPage first = pdf.getPage(0);
            assertThat(first.getMediaBox().getWidth())
                    .isGreaterThan(first.getMediaBox().getHeight());
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            String text = new PDFTextStripper().getText(pdf);
            long selected = accounts.stream()
                    .filter(a -> !a.isMedicalAidControl())
                    .filter(a ->
                            a.amounts().d60().signum() != 0 || a.amounts().d90().signum() != 0)
                    .count();
            BigDecimal d60 = accounts.stream()
                    .filter(a -> !a.isMedicalAidControl())
                    .map(a -> a.amounts().d60())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(text)
                    .contains("Pharmacie Hélène & Müller")
                    .contains("with an amount in Sestig dae or 90 Days")
                    .contains("GONÇALVES, HÉLÈNE MÜLLER")
                    .contains("Totals (" + selected + " accounts)")
                    .contains(RandFormat.format(d60))
                    .contains("Page 1 of " + pages)
                    .contains("Page " + pages + " of " + pages);
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(pages);
            lastPage.setEndPage(pages);
            assertThat(lastPage.getText(pdf))
                    .as("headings repeat on every page")
                    .contains("Rekening")
                    .contains("Sestig dae");
        }
    }

    @Test
    void pdfRefusesUnknownColumnsAndBuckets() {
        long pharmacyId = Fixtures.pharmacy("PDF Validation Pharmacy");
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .contentType("application/json")
                .body(Map.of("col_names", Map.of("shoe_size", "x")))
                .post("/pharmacies/{p}/debtors/download-pdf", pharmacyId)
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .contentType("application/json")
                .body(Map.of("ageing_buckets", List.of("d45")))
                .post("/pharmacies/{p}/debtors/download-pdf", pharmacyId)
                .then()
                .statusCode(422);
        byte[] empty = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .post("/pharmacies/{p}/debtors/download-pdf", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(new String(empty, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    /**
     * SPA HTTP clients send {@code Accept: application/json} on every request: the downloads still answer the file
     * (as the original API did), and a caller without the grant gets 403 (JSON), not 406.
     */
    @Test
    void downloadsAnswerTheFileToClientsThatAcceptJsonAndCheckAuthorizationFirst() throws Exception {
        long pharmacyId = Fixtures.pharmacy("SPA Download Pharmacy");
        Fixtures.report(pharmacyId, List.of(Fixtures.account("1", "SPA DEBTOR", "75.00", null, null)), 10);

        Response csv = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .accept("application/json")
                .contentType("application/json")
                .body(Map.of("min_balance", 10))
                .post("/pharmacies/{p}/debtors/download-csv", pharmacyId);
        csv.then().statusCode(200).contentType("text/csv; charset=UTF-8");
        assertThat(csv.asString().lines().toList())
                .containsExactly(HEADER, "1,SPA DEBTOR,0.00,0.00,75.00,0.00,0.00,0.00,0.00,75.00,,");

        Response pdf = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .accept("application/json")
                .post("/pharmacies/{p}/debtors/download-pdf", pharmacyId);
        pdf.then().statusCode(200).contentType("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("SPA DEBTOR");
        }

        for (String file : List.of("download-csv", "download-pdf")) {
            given().auth()
                    .oauth2(TestTokens.pharmacyReader(pharmacyId + 1_000_000))
                    .accept("application/json")
                    .post("/pharmacies/{p}/debtors/" + file, pharmacyId)
                    .then()
                    .statusCode(403)
                    .contentType("application/json")
                    .body("code", equalTo("forbidden"));
        }
    }
}
