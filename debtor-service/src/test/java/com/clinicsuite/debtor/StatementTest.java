package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.documents.PdfLayout;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.events.notifications.ChannelConfigured;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Statements of account (GET .../statement), the missing-contacts list and statements attached to e-mail
 * reminders, against the running service: letterheads arrive by event, reports by chunks, PDFs are read back.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class StatementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private record Setup(long pharmacyId, Map<String, Long> ids) {}

    private static Setup setup(boolean letterhead) {
        long pharmacyId = Fixtures.pharmacy("Winterton Apteek (auth name)");
        if (letterhead) {
            Fixtures.EVENTS.send(
                    EventCatalog.CHANNEL_CONFIGURED,
                    Long.toString(pharmacyId),
                    new ChannelConfigured(
                            pharmacyId,
                            true,
                            false,
                            null,
                            new ChannelConfigured.Letterhead(
                                    "Winterton Pharmacy", "036 488 1234", "FNB 62000000000 branch 250655")));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Fixtures.count(
                                    "SELECT COUNT(*) FROM pharmacy_letterhead WHERE pharmacy_id = ? AND bank_details IS NOT NULL",
                                    pharmacyId)
                            == 1);
        } else {
            Fixtures.channels(pharmacyId, true, false);
        }
        DebtorReportChunk.Account dreyer = new DebtorReportChunk.Account(
                "DRE001",
                "MISS FJ DREYER",
                new DebtorReportChunk.Amounts(
                        new BigDecimal("120.00"),
                        ZERO,
                        new BigDecimal("1000.00"),
                        new BigDecimal("234.56"),
                        ZERO,
                        new BigDecimal("11000.00"),
                        ZERO,
                        new BigDecimal("12354.56")),
                "fj.dreyer@example.co.za",
                "082 123 4567",
                List.of("082 123 4567"),
                false,
                null,
                null,
                null,
                null);
        Fixtures.report(
                pharmacyId,
                List.of(
                        dreyer,
                        Fixtures.account("NOC001", "MNR JP VAN DER MERWE", "500.00", null, null),
                        Fixtures.account("NOC002", "STEENKAMP OLD AGE HOME PHASE 3", "75.00", null, null),
                        Fixtures.account("EML001", "MRS A DU PLESSIS", "300.00", "a@example.com", null),
                        Fixtures.account("TEL001", "MR K O'NEILL", "300.00", null, "0821112222"),
                        Fixtures.account("CUR001", "MR J NG", "0.00", null, null)),
                10);
        Map<String, Long> ids = new java.util.HashMap<>();
        JsonPath list = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (int i = 0; i < list.getList("debtors").size(); i++) {
            ids.put(list.getString("debtors[" + i + "].acc_no"), list.getLong("debtors[" + i + "].id"));
        }
        return new Setup(pharmacyId, ids);
    }

    @Test
    void theStatementHasTheLetterheadTheAccountItsAgeingAndThePaymentReference() {
        Setup s = setup(true);
        Response response = given().auth()
                .oauth2(TestTokens.pharmacyReader(s.pharmacyId()))
                .get(
                        "/pharmacies/{p}/debtors/{d}/statement",
                        s.pharmacyId(),
                        s.ids().get("DRE001"));
        response.then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", equalTo("attachment; filename=statement_DRE001.pdf"));
        PdfLayout pdf = PdfLayout.read(response.asByteArray());

        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.text())
                .contains("Winterton Pharmacy")
                .contains("Tel 036 488 1234")
                .contains("FNB 62000000000 branch 250655")
                .contains("Statement of account")
                .contains("Miss FJ Dreyer")
                .contains("fj.dreyer@example.co.za")
                .contains("082 123 4567")
                .contains("Balances as at 16 November 2025") // the day the report was uploaded: it had no date
                .contains("Payment reference: DRE001")
                .doesNotContain("Winterton Apteek");
        assertThat(pdf.find("R 12 354.56")).hasSize(2); // the balance column and the amount due
        assertThat(pdf.find("R 11 000.00")).hasSize(1);
        assertThat(pdf.find("R 12 234.56")).as("overdue").hasSize(1);
        assertThat(PdfLayout.overlaps(pdf.runs(1))).isEmpty();
        assertThat(pdf.rulesCrossingText()).isEmpty();

        PdfLayout afrikaans = PdfLayout.read(given().auth()
                .oauth2(TestTokens.pharmacyReader(s.pharmacyId()))
                .queryParam("language", "af")
                .get(
                        "/pharmacies/{p}/debtors/{d}/statement",
                        s.pharmacyId(),
                        s.ids().get("NOC001"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertThat(afrikaans.text())
                .contains("Rekeningstaat")
                .contains("Mnr JP van der Merwe")
                .contains("Bedrag verskuldig")
                .contains("Betalingsverwysing: NOC001")
                .contains("Saldo's soos op 16 November 2025");
    }

    private static byte[] statement(Setup s, String accNo) {
        return given().auth()
                .oauth2(TestTokens.pharmacyReader(s.pharmacyId()))
                .get(
                        "/pharmacies/{p}/debtors/{d}/statement",
                        s.pharmacyId(),
                        s.ids().get(accNo))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
    }

    /** Without ?language the statement is in the account's language (contact preferences), else the pharmacy's. */
    @Test
    void theStatementIsInTheAccountsLanguageElseThePharmacysDefault() {
        Setup s = setup(false);
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(s.pharmacyId()))
                .contentType("application/json")
                .body(Map.of("do_not_contact", false, "language", "af"))
                .put(
                        "/pharmacies/{p}/debtors/{d}/contact-preferences",
                        s.pharmacyId(),
                        s.ids().get("DRE001"))
                .then()
                .statusCode(200);
        assertThat(PdfLayout.read(statement(s, "DRE001")).text()).contains("Rekeningstaat");
        assertThat(PdfLayout.read(statement(s, "EML001")).text()).contains("Statement of account");
        assertThat(PdfLayout.read(given().auth()
                                .oauth2(TestTokens.pharmacyReader(s.pharmacyId()))
                                .queryParam("language", "en")
                                .get(
                                        "/pharmacies/{p}/debtors/{d}/statement",
                                        s.pharmacyId(),
                                        s.ids().get("DRE001"))
                                .then()
                                .statusCode(200)
                                .extract()
                                .asByteArray())
                        .text())
                .as("?language wins over the account's")
                .contains("Statement of account");

        Fixtures.EVENTS.send(
                EventCatalog.CHANNEL_CONFIGURED,
                Long.toString(s.pharmacyId()),
                new ChannelConfigured(s.pharmacyId(), true, false, "af"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Fixtures.count(
                                "SELECT COUNT(*) FROM pharmacy_channel WHERE pharmacy_id = ? AND default_language = 'af'",
                                s.pharmacyId())
                        == 1);
        assertThat(PdfLayout.read(statement(s, "EML001")).text()).contains("Rekeningstaat");
    }

    @Test
    void withoutALetterheadTheStatementNamesThePharmacyAndAsksForBankDetails() {
        Setup s = setup(false);
        PdfLayout pdf = PdfLayout.read(given().auth()
                .oauth2(TestTokens.pharmacyReader(s.pharmacyId()))
                .get(
                        "/pharmacies/{p}/debtors/{d}/statement",
                        s.pharmacyId(),
                        s.ids().get("EML001"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertThat(pdf.text())
                .contains("Winterton Apteek (auth name)")
                .contains("Mrs A du Plessis")
                .contains("Ask us for our bank details.");
    }

    @Test
    void unknownDebtorsAnswer404AndUnknownLanguages422() {
        Setup s = setup(false);
        given().auth()
                .oauth2(TestTokens.pharmacyReader(s.pharmacyId()))
                .get("/pharmacies/{p}/debtors/{d}/statement", s.pharmacyId(), 987654321L)
                .then()
                .statusCode(404)
                .body("detail", containsString("Debtor 987654321 not found"));
        Setup other = setup(false);
        given().auth()
                .oauth2(TestTokens.pharmacyReader(other.pharmacyId()))
                .get(
                        "/pharmacies/{p}/debtors/{d}/statement",
                        other.pharmacyId(),
                        s.ids().get("DRE001"))
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.pharmacyReader(s.pharmacyId()))
                .queryParam("language", "fr")
                .get(
                        "/pharmacies/{p}/debtors/{d}/statement",
                        s.pharmacyId(),
                        s.ids().get("DRE001"))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("language"));
    }

    @Test
    void theMissingContactsListHasOverdueAccountsWithNeitherEmailNorPhone() {
        Setup s = setup(false);
        Response response = given().auth()
                .oauth2(TestTokens.pharmacyReader(s.pharmacyId()))
                .contentType("application/json")
                .body(Map.of("layout", "missing_contacts"))
                .post("/pharmacies/{p}/debtors/download-pdf", s.pharmacyId());
        response.then().statusCode(200).contentType("application/pdf");
        PdfLayout pdf = PdfLayout.read(response.asByteArray());

        assertThat(pdf.text())
                .contains("Overdue accounts without an e-mail address or phone number")
                .contains("NOC001")
                .contains("NOC002")
                .contains("R 575.00") // the total overdue of the two
                .contains("Totals (2 accounts)")
                .doesNotContain("DRE001")
                .doesNotContain("EML001")
                .doesNotContain("TEL001")
                .doesNotContain("CUR001");
        assertThat(PdfLayout.overlaps(pdf.runs(1))).isEmpty();
        assertThat(pdf.rulesCrossingText()).isEmpty();

        given().auth()
                .oauth2(TestTokens.pharmacyReader(s.pharmacyId()))
                .contentType("application/json")
                .body(Map.of("layout", "landscape"))
                .post("/pharmacies/{p}/debtors/download-pdf", s.pharmacyId())
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("layout"));
    }

    @Test
    void anEmailReminderCarriesTheStatementWhenAskedAndAnSmsRefusesIt() throws Exception {
        Setup s = setup(true);
        JsonPath answer = given().auth()
                .oauth2(TestTokens.pharmacyWriter(s.pharmacyId()))
                .contentType("application/json")
                .body(Map.of("debtor_ids", List.of(s.ids().get("DRE001")), "attach_statement", true))
                .post("/pharmacies/{p}/debtors/send-email", s.pharmacyId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String withStatement = answer.getString("sent[0].reminder_id");
        String without = given().auth()
                .oauth2(TestTokens.pharmacyWriter(s.pharmacyId()))
                .contentType("application/json")
                .body(Map.of("debtor_ids", List.of(s.ids().get("EML001"))))
                .post("/pharmacies/{p}/debtors/send-email", s.pharmacyId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("sent[0].reminder_id");

        Fixtures.awaitRelayed(without);
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_REMINDERS)) {
            JsonNode data =
                    JSON.readTree(reader.await(1, r -> r.value().contains(withStatement), Duration.ofSeconds(30))
                            .get(0)
                            .value());
            JsonNode statement = data.get("statement");
            assertThat(statement.get("language").asText()).isEqualTo("en");
            assertThat(statement.get("report_date").asText()).isEqualTo("2025-11-16");
            assertThat(statement.get("email").asText()).isEqualTo("fj.dreyer@example.co.za");
            assertThat(statement.get("phone").asText()).isEqualTo("082 123 4567");
            assertThat(statement.get("current").asText()).isEqualTo("120.00");
            assertThat(statement.get("d150").asText()).isEqualTo("11000.00");
            assertThat(statement.get("balance").asText()).isEqualTo("12354.56");
            JsonNode plain = JSON.readTree(reader.await(1, r -> r.value().contains(without), Duration.ofSeconds(30))
                    .get(0)
                    .value());
            assertThat(plain.get("statement").isNull()).isTrue();
        }

        given().auth()
                .oauth2(TestTokens.pharmacyWriter(s.pharmacyId()))
                .contentType("application/json")
                .body(Map.of("debtor_ids", List.of(s.ids().get("TEL001")), "attach_statement", true))
                .post("/pharmacies/{p}/debtors/send-sms", s.pharmacyId())
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("attach_statement"));
    }
}
