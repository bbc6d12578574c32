package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReportReplacementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReportArrivingInChunksReplacesTheDebtorsAndIsAnnounced() throws Exception {
        long pharmacyId = Fixtures.pharmacy("TLC DEMO PHARMACY");
        GroundTruth truth = GroundTruth.load("tlc_medium");
        String reportId = UUID.randomUUID().toString();
        List<DebtorReportChunk> chunks = Fixtures.chunks(pharmacyId, reportId, truth.accounts(), 120);
        assertThat(chunks).hasSize(3);

        Fixtures.send(chunks.get(0));
        await().atMost(Duration.ofSeconds(20)).until(() -> "processing".equals(Fixtures.reportStatus(reportId)));
        assertThat(Fixtures.count("SELECT COUNT(*) FROM debtor WHERE pharmacy_id = ?", pharmacyId)).isZero();
        given().auth().oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/reports", pharmacyId)
                .then().statusCode(200).body("[0].status", equalTo("processing"));

        Fixtures.send(chunks.get(1));
        Fixtures.send(chunks.get(2));
        assertThat(Fixtures.awaitFinished(reportId)).isEqualTo("completed");

        assertThat(Fixtures.count("SELECT COUNT(*) FROM debtor WHERE pharmacy_id = ?", pharmacyId)).isEqualTo(311);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM staged_account s JOIN debtor_report r ON r.id = s.report_id"
                + " WHERE r.import_report_id = ?", reportId)).as("staging emptied").isZero();

        BigDecimal expectedOutstanding = truth.ordinary().stream().map(a -> a.amounts().balance())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonPath reports = given().auth().oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/reports", pharmacyId).then().statusCode(200).extract().jsonPath();
        assertThat(reports.getList("$")).hasSize(1);
        assertThat(reports.getString("[0].status")).isEqualTo("completed");
        assertThat(reports.getInt("[0].total_accounts")).isEqualTo(truth.ordinary().size());
        assertThat(new BigDecimal(reports.getString("[0].total_outstanding"))).isEqualByComparingTo(expectedOutstanding);
        assertThat(reports.getString("[0].filename")).isEqualTo("report-" + reportId + ".pdf");
        assertThat(reports.getLong("[0].uploaded_by")).isEqualTo(4L);
        long debtorReportId = reports.getLong("[0].id");

        Fixtures.awaitRelayed(reportId);
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_REPORT_STATUS)) {
            List<TopicReader.Record> events = reader.await(1, r -> r.value().contains(reportId), Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            TopicReader.Record event = events.get(0);
            assertThat(event.key()).isEqualTo(Long.toString(pharmacyId));
            assertThat(event.ceType()).isEqualTo(EventCatalog.REPORT_PROCESSED.type());
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.get("status").asText()).isEqualTo("completed");
            assertThat(data.get("debtor_report_id").asLong()).isEqualTo(debtorReportId);
            assertThat(data.get("total_accounts").asInt()).isEqualTo(truth.ordinary().size());
            assertThat(new BigDecimal(data.get("total_outstanding").asText())).isEqualByComparingTo(expectedOutstanding);
            assertThat(data.get("error").isNull()).isTrue();
        }
    }

    @Test
    void reUploadKeepsIdsOfAccountsStillReportedAddsNewOnesAndDropsTheRest() {
        long pharmacyId = Fixtures.pharmacy("Re-upload Pharmacy");
        List<DebtorReportChunk.Account> first = GroundTruth.load("winterton_small").accounts();
        Fixtures.report(pharmacyId, first, 10);
        Map<String, Long> idsBefore = ids(pharmacyId);
        assertThat(idsBefore).hasSize(first.size());

        // second report: drops the first two accounts, changes the third, adds one
        List<DebtorReportChunk.Account> second = new ArrayList<>(first.subList(2, first.size()));
        DebtorReportChunk.Account changed = Fixtures.account(second.get(0).accNo(), "CHANGED NAME", "321.00", null, null);
        second.set(0, changed);
        second.add(Fixtures.account("777777", "NEW ACCOUNT", "10.00", null, null));
        assertThat(Fixtures.awaitFinished(Fixtures.report(pharmacyId, second, 7))).isEqualTo("completed");

        Map<String, Long> idsAfter = ids(pharmacyId);
        assertThat(idsAfter).hasSize(second.size());
        assertThat(idsAfter).doesNotContainKeys(first.get(0).accNo(), first.get(1).accNo());
        for (DebtorReportChunk.Account kept : first.subList(2, first.size())) {
            assertThat(idsAfter.get(kept.accNo())).as(kept.accNo()).isEqualTo(idsBefore.get(kept.accNo()));
        }
        assertThat(idsAfter).containsKey("777777");
        assertThat(Fixtures.count("SELECT COUNT(*) FROM debtor WHERE pharmacy_id = ? AND acc_no = ? AND name = 'CHANGED NAME'"
                + " AND d60 = 321.00 AND arrears = 321.00", pharmacyId, changed.accNo())).isEqualTo(1);
    }

    @Test
    void aReportFailingHalfWayIsMarkedFailedAndLeavesThePreviousDebtors() throws Exception {
        long pharmacyId = Fixtures.pharmacy("Failing Pharmacy");
        List<DebtorReportChunk.Account> good = GroundTruth.load("winterton_small").accounts();
        Fixtures.report(pharmacyId, good, 100);
        Map<String, Long> before = ids(pharmacyId);

        // chunk 0 is fine and staged; chunk 1 repeats an account of chunk 0
        List<DebtorReportChunk.Account> bad = new ArrayList<>(GroundTruth.load("split_page_break").accounts());
        bad.set(bad.size() - 1, bad.get(0));
        String reportId = UUID.randomUUID().toString();
        List<DebtorReportChunk> chunks = Fixtures.chunks(pharmacyId, reportId, bad, 40);
        Fixtures.send(chunks.get(0));
        Fixtures.send(chunks.get(1));
        assertThat(Fixtures.awaitFinished(reportId)).isEqualTo("failed");

        assertThat(ids(pharmacyId)).isEqualTo(before);
        JsonPath reports = given().auth().oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/reports", pharmacyId).then().statusCode(200).extract().jsonPath();
        assertThat(reports.getString("[0].status")).isEqualTo("failed");
        assertThat(reports.getString("[0].error_message")).contains(bad.get(0).accNo()).contains("more than once");
        assertThat(reports.getString("[1].status")).isEqualTo("completed");
        given().auth().oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/statistics", pharmacyId).then().statusCode(200)
                .body("total_accounts", equalTo(
                        (int) good.stream().filter(a -> !a.isMedicalAidControl()).count()));

        Fixtures.awaitRelayed(reportId);
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_REPORT_STATUS)) {
            TopicReader.Record event = reader.await(1, r -> r.value().contains(reportId), Duration.ofSeconds(20)).get(0);
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.get("status").asText()).isEqualTo("failed");
            assertThat(data.get("error").asText()).contains("more than once");
        }
    }

    @Test
    void anAccountWhoseBalanceIsNotTheSumOfItsBucketsFailsTheReport() {
        long pharmacyId = Fixtures.pharmacy("Inconsistent Pharmacy");
        DebtorReportChunk.Account ok = Fixtures.account("100001", "OK", "5.00", null, null);
        DebtorReportChunk.Account wrong = new DebtorReportChunk.Account("100002", "WRONG",
                new DebtorReportChunk.Amounts(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN),
                null, null, List.of(), false, null, null, null, null);
        String reportId = Fixtures.report(pharmacyId, List.of(ok, wrong), 1);
        assertThat(Fixtures.reportStatus(reportId)).isEqualTo("failed");
        assertThat(Fixtures.count("SELECT COUNT(*) FROM debtor WHERE pharmacy_id = ?", pharmacyId)).isZero();
    }

    @Test
    void aRedeliveredChunkIsAppliedOnce() {
        long pharmacyId = Fixtures.pharmacy("Redelivery Pharmacy");
        List<DebtorReportChunk.Account> accounts = GroundTruth.load("split_page_break").accounts();
        String reportId = UUID.randomUUID().toString();
        List<DebtorReportChunk> chunks = Fixtures.chunks(pharmacyId, reportId, accounts, 30);
        String eventId = UUID.randomUUID().toString();
        Fixtures.EVENTS.send(EventCatalog.DEBTOR_REPORT_CHUNK, Long.toString(pharmacyId), chunks.get(0), eventId);
        Fixtures.EVENTS.send(EventCatalog.DEBTOR_REPORT_CHUNK, Long.toString(pharmacyId), chunks.get(0), eventId);
        // the same chunk again under a new event id (import-service retried its publish)
        Fixtures.send(chunks.get(0));
        Fixtures.send(chunks.get(1));
        Fixtures.send(chunks.get(2));
        assertThat(Fixtures.awaitFinished(reportId)).isEqualTo("completed");
        assertThat(Fixtures.count("SELECT COUNT(*) FROM debtor WHERE pharmacy_id = ?", pharmacyId))
                .isEqualTo(accounts.size());
        assertThat(Fixtures.count("SELECT COUNT(*) FROM debtor_report_chunk c JOIN debtor_report r ON r.id = c.report_id"
                + " WHERE r.import_report_id = ?", reportId)).isEqualTo(3);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", eventId)).isEqualTo(1);
    }

    private static Map<String, Long> ids(long pharmacyId) {
        return given().auth().oauth2(TestTokens.admin())
                .queryParam("per_page", 1000).queryParam("exclude_medical_aid", false)
                .get("/pharmacies/{p}/debtors", pharmacyId).then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("debtors").stream()
                .collect(Collectors.toMap(d -> (String) d.get("acc_no"), d -> ((Number) d.get("id")).longValue()));
    }
}
