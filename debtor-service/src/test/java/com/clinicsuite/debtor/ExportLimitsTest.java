package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Exports of a 20,000-debtor pharmacy: streamed page by page (1,000 rows a query, many balances shared across page
 * boundaries, so the keyset's tie-break on acc_no is exercised), debtor_ids passed as one parameter whatever their
 * number up to the cap, and the caps answered 422 rather than 500.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ExportLimitsTest {

    private static final int DEBTORS = 20_000;
    private static long pharmacyId;
    private static List<DebtorReportChunk.Account> accounts;

    @Test
    void aCsvOf20000DebtorsReadsBackExactlyInListOrder() {
        long pharmacy = bigPharmacy();
        Response response = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .post("/pharmacies/{p}/debtors/download-csv", pharmacy);
        response.then().statusCode(200).contentType("text/csv; charset=UTF-8");
        List<String> expected = new ArrayList<>();
        expected.add(ExportTest.HEADER);
        inListOrder(accounts).forEach(a -> expected.add(line(a)));
        assertThat(response.asString()).isEqualTo(String.join("\r\n", expected) + "\r\n");
    }

    @Test
    void tenThousandDebtorIdsGiveExactlyThoseDebtors() {
        long pharmacy = bigPharmacy();
        Map<Long, String> ids = debtorIds(pharmacy, 10_000);
        Set<String> chosen = Set.copyOf(ids.values());
        String csv = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .body(Map.of("debtor_ids", List.copyOf(ids.keySet())))
                .post("/pharmacies/{p}/debtors/download-csv", pharmacy)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> expected = new ArrayList<>();
        expected.add(ExportTest.HEADER);
        inListOrder(accounts.stream().filter(a -> chosen.contains(a.accNo())).toList())
                .forEach(a -> expected.add(line(a)));
        assertThat(expected).hasSize(10_001);
        assertThat(csv).isEqualTo(String.join("\r\n", expected) + "\r\n");
    }

    @Test
    void moreDebtorIdsThanTheCapAnswer422NotAServerError() {
        long pharmacy = bigPharmacy();
        List<Long> many = LongStream.rangeClosed(1, 70_000).boxed().toList();
        for (String path : List.of("/pharmacies/{p}/debtors/download-csv", "/pharmacies/{p}/debtors/download-pdf")) {
            given().auth()
                    .oauth2(TestTokens.pharmacyReader(pharmacy))
                    .contentType(ContentType.JSON)
                    .body(Map.of("debtor_ids", many))
                    .post(path, pharmacy)
                    .then()
                    .statusCode(422)
                    .contentType(ContentType.JSON)
                    .body("errors[0].field", equalTo("debtor_ids"));
        }
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "debtor_ids", LongStream.rangeClosed(1, 10_001).boxed().toList()))
                .post("/pharmacies/{p}/debtors/download-csv", pharmacy)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("debtor_ids"));
    }

    @Test
    void aPdfIsCappedAndOtherwiseListsTheChosenDebtors() throws Exception {
        long pharmacy = bigPharmacy();
        // every debtor: more than one PDF may list
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .post("/pharmacies/{p}/debtors/download-pdf", pharmacy)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("debtor_ids"))
                .body("detail", containsString("20000"));
        // 2,500 chosen: three pages of rows read, rendered into one document
        Map<Long, String> ids = debtorIds(pharmacy, 2_500);
        byte[] pdf = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy))
                .contentType(ContentType.JSON)
                .body(Map.of("debtor_ids", List.copyOf(ids.keySet()), "ageing_buckets", List.of("d60")))
                .post("/pharmacies/{p}/debtors/download-pdf", pharmacy)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Totals (2 500 accounts)"); // counts print with a space between thousands, as amounts do
            List<DebtorReportChunk.Account> chosen = inListOrder(
                    accounts.stream().filter(a -> ids.containsValue(a.accNo())).toList());
            assertThat(text)
                    .contains(chosen.get(0).accNo())
                    .contains(chosen.get(chosen.size() - 1).accNo())
                    .doesNotContain(accounts.stream()
                            .filter(a -> !ids.containsValue(a.accNo()))
                            .findFirst()
                            .orElseThrow()
                            .accNo());
        }
    }

    /** 20,000 debtors with 37 x 3 distinct balances, sent as import-service would (20 chunks), applied once. */
    private static synchronized long bigPharmacy() {
        if (accounts != null) {
            return pharmacyId;
        }
        long pharmacy = Fixtures.pharmacy("Twenty Thousand Pharmacy");
        List<DebtorReportChunk.Account> all = new ArrayList<>(DEBTORS);
        for (int i = 0; i < DEBTORS; i++) {
            String amount = (100 + i % 37) + "." + String.format("%02d", i % 3);
            String name = i % 50 == 0 ? "SMITH, J " + i : "DEBTOR " + i;
            all.add(Fixtures.account(
                    String.format("A%05d", i),
                    name,
                    amount,
                    i % 2 == 0 ? "d" + i + "@example.com" : null,
                    i % 3 == 0 ? String.format("082%07d", i) : null));
        }
        String reportId = UUID.randomUUID().toString();
        Fixtures.chunks(pharmacy, reportId, all, 1_000).forEach(Fixtures::send);
        await().atMost(Duration.ofSeconds(180))
                .until(() -> Fixtures.count(
                                "SELECT COUNT(*) FROM debtor_report WHERE import_report_id = ? AND status = 'completed'",
                                reportId)
                        == 1);
        pharmacyId = pharmacy;
        accounts = all;
        return pharmacy;
    }

    private static List<DebtorReportChunk.Account> inListOrder(List<DebtorReportChunk.Account> rows) {
        return rows.stream()
                .sorted(Comparator.comparing(
                                (DebtorReportChunk.Account a) -> a.amounts().balance())
                        .reversed()
                        .thenComparing(DebtorReportChunk.Account::accNo))
                .toList();
    }

    private static String line(DebtorReportChunk.Account a) {
        DebtorReportChunk.Amounts m = a.amounts();
        String name = a.name().contains(",") ? '"' + a.name() + '"' : a.name();
        return String.join(
                ",",
                a.accNo(),
                name,
                m.current().toPlainString(),
                m.d30().toPlainString(),
                m.d60().toPlainString(),
                m.d90().toPlainString(),
                m.d120().toPlainString(),
                m.d150().toPlainString(),
                m.d180().toPlainString(),
                m.balance().toPlainString(),
                a.email() == null ? "" : a.email(),
                a.phone() == null ? "" : a.phone());
    }

    /** The ids of the pharmacy's first {@code n} accounts by acc_no, with their acc_no. */
    private static Map<Long, String> debtorIds(long pharmacy, int n) {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT id, acc_no FROM debtor WHERE pharmacy_id = ? ORDER BY acc_no LIMIT ?")) {
            s.setLong(1, pharmacy);
            s.setInt(2, n);
            Map<Long, String> ids = new java.util.LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getLong(1), rs.getString(2));
                }
            }
            assertThat(ids).hasSize(n);
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
