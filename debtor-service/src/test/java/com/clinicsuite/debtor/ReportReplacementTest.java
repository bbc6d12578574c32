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
import io.restassured.path.json.config.JsonPathConfig;
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
        assertThat(Fixtures.count("SELECT COUNT(*) FROM debtor WHERE pharmacy_id = ?", pharmacyId))
                .isZero();
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/reports", pharmacyId)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo("processing"))
                // the upload's id (import-service), so a client that got 202 finds its report
                .body("[0].upload_id", equalTo(reportId));

        Fixtures.send(chunks.get(1));
        Fixtures.send(chunks.get(2));
        assertThat(Fixtures.awaitFinished(reportId)).isEqualTo("completed");

        assertThat(Fixtures.count("SELECT COUNT(*) FROM debtor WHERE pharmacy_id = ?", pharmacyId))
                .isEqualTo(311);
        // a completed report's staged accounts become its snapshot in the follow-up, which then empties staging
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.count(
                                "SELECT COUNT(*) FROM staged_account s JOIN debtor_report r ON r.id = s.report_id"
                                        + " WHERE r.import_report_id = ?",
                                reportId)
                        == 0);
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM report_account a JOIN debtor_report r ON r.id = a.report_id"
                                + " WHERE r.import_report_id = ?",
                        reportId))
                .isEqualTo(311);

        BigDecimal expectedOutstanding =
                truth.ordinary().stream().map(a -> a.amounts().balance()).reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonPath reports = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/reports", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                // money exactly: JsonPath reads JSON numbers as float by default, which loses cents above 65,536
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(reports.getList("$")).hasSize(1);
        assertThat(reports.getString("[0].status")).isEqualTo("completed");
        assertThat(reports.getInt("[0].total_accounts"))
                .isEqualTo(truth.ordinary().size());
        assertThat(new BigDecimal(reports.getString("[0].total_outstanding")))
                .isEqualByComparingTo(expectedOutstanding);
        assertThat(reports.getString("[0].filename")).isEqualTo("report-" + reportId + ".pdf");
        assertThat(reports.getLong("[0].uploaded_by")).isEqualTo(4L);
        long debtorReportId = reports.getLong("[0].id");

        Fixtures.awaitRelayed(reportId);
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_REPORT_STATUS)) {
            List<TopicReader.Record> events =
                    reader.await(1, r -> r.value().contains(reportId), Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            TopicReader.Record event = events.get(0);
            assertThat(event.key()).isEqualTo(Long.toString(pharmacyId));
            assertThat(event.ceType()).isEqualTo(EventCatalog.REPORT_PROCESSED.type());
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.get("status").asText()).isEqualTo("completed");
            assertThat(data.get("debtor_report_id").asLong()).isEqualTo(debtorReportId);
            assertThat(data.get("total_accounts").asInt())
                    .isEqualTo(truth.ordinary().size());
            assertThat(new BigDecimal(data.get("total_outstanding").asText()))
                    .isEqualByComparingTo(expectedOutstanding);
            assertThat(data.get("error").isNull()).isTrue();
        }
    }

    @Test
    void reUploadKeepsIdsOfAccountsStillReportedAddsNewOnesAndDropsTheRest() {
        long pharmacyId = Fixtures.pharmacy("Re-upload Pharmacy");
        List<DebtorReportChunk.Account> first =
                GroundTruth.load("winterton_small").accounts();
        Fixtures.report(pharmacyId, first, 10);
        Map<String, Long> idsBefore = ids(pharmacyId);
        assertThat(idsBefore).hasSize(first.size());

        // second report: drops the first two accounts, changes the third, adds one
        List<DebtorReportChunk.Account> second = new ArrayList<>(first.subList(2, first.size()));
        DebtorReportChunk.Account changed =
                Fixtures.account(second.get(0).accNo(), "CHANGED NAME", "321.00", null, null);
        second.set(0, changed);
        second.add(Fixtures.account("777777", "NEW ACCOUNT", "10.00", null, null));
        assertThat(Fixtures.awaitFinished(Fixtures.report(pharmacyId, second, 7)))
                .isEqualTo("completed");

        Map<String, Long> idsAfter = ids(pharmacyId);
        assertThat(idsAfter).hasSize(second.size());
        assertThat(idsAfter)
                .doesNotContainKeys(first.get(0).accNo(), first.get(1).accNo());
        for (DebtorReportChunk.Account kept : first.subList(2, first.size())) {
            assertThat(idsAfter.get(kept.accNo())).as(kept.accNo()).isEqualTo(idsBefore.get(kept.accNo()));
        }
        assertThat(idsAfter).containsKey("777777");
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM debtor WHERE pharmacy_id = ? AND acc_no = ? AND name = 'CHANGED NAME'"
                                + " AND d60 = 321.00 AND arrears = 321.00",
                        pharmacyId,
                        changed.accNo()))
                .isEqualTo(1);
    }

    @Test
    void aReportFailingHalfWayIsMarkedFailedAndLeavesThePreviousDebtors() throws Exception {
        long pharmacyId = Fixtures.pharmacy("Failing Pharmacy");
        List<DebtorReportChunk.Account> good =
                GroundTruth.load("winterton_small").accounts();
        Fixtures.report(pharmacyId, good, 100);
        Map<String, Long> before = ids(pharmacyId);

        // chunk 0 is fine and staged; chunk 1 repeats an account of chunk 0
        List<DebtorReportChunk.Account> bad =
                new ArrayList<>(GroundTruth.load("split_page_break").accounts());
        bad.set(bad.size() - 1, bad.get(0));
        String reportId = UUID.randomUUID().toString();
        List<DebtorReportChunk> chunks = Fixtures.chunks(pharmacyId, reportId, bad, 40);
        Fixtures.send(chunks.get(0));
        Fixtures.send(chunks.get(1));
        assertThat(Fixtures.awaitFinished(reportId)).isEqualTo("failed");

        assertThat(ids(pharmacyId)).isEqualTo(before);
        JsonPath reports = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/reports", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(reports.getString("[0].status")).isEqualTo("failed");
        assertThat(reports.getString("[0].error_message"))
                .contains(bad.get(0).accNo())
                .contains("more than once");
        assertThat(reports.getString("[1].status")).isEqualTo("completed");
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/statistics", pharmacyId)
                .then()
                .statusCode(200)
                .body("total_accounts", equalTo((int)
                        good.stream().filter(a -> !a.isMedicalAidControl()).count()));

        Fixtures.awaitRelayed(reportId);
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_REPORT_STATUS)) {
            TopicReader.Record event = reader.await(1, r -> r.value().contains(reportId), Duration.ofSeconds(20))
                    .get(0);
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.get("status").asText()).isEqualTo("failed");
            assertThat(data.get("error").asText()).contains("more than once");
        }
    }

    /**
     * A database error half-way through the swap (here a trigger refusing to delete a marker account, after the
     * MERGE already updated and inserted rows) is undone to the savepoint: the report ends failed with a message the
     * user can act on, the previous rows are exactly as they were, and ReportProcessed(failed) reaches the broker.
     */
    @Test
    void aDatabaseErrorInTheSwapFailsTheReportAndLeavesThePreviousDebtorsExactly() throws Exception {
        long pharmacyId = Fixtures.pharmacy("Swap Failure Pharmacy");
        List<DebtorReportChunk.Account> good =
                new ArrayList<>(GroundTruth.load("winterton_small").accounts());
        good.add(Fixtures.account("KEEP01", "MARKER ACCOUNT", "12.00", null, null));
        Fixtures.report(pharmacyId, good, 10);
        List<Map<String, Object>> rowsBefore = Fixtures.debtorRows(pharmacyId);
        long currentReport = Fixtures.count("SELECT current_report_id FROM pharmacy WHERE id = ?", pharmacyId);
        assertThat(rowsBefore).hasSize(good.size());

        // the next report changes every amount (MERGE updates), adds an account (insert) and drops the marker (delete)
        List<DebtorReportChunk.Account> next = new ArrayList<>();
        for (DebtorReportChunk.Account a : good.subList(0, good.size() - 1)) {
            next.add(Fixtures.account(a.accNo(), a.name(), "999.00", a.email(), a.phone()));
        }
        next.add(Fixtures.account("NEW01", "NEW ACCOUNT", "5.00", null, null));
        String function = "debtor_test_keep_" + pharmacyId;
        Fixtures.execute("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF OLD.pharmacy_id = " + pharmacyId + " AND OLD.acc_no = 'KEEP01' THEN"
                + " RAISE EXCEPTION 'test: account KEEP01 may not be deleted'; END IF; RETURN OLD; END $$");
        Fixtures.execute("CREATE TRIGGER " + function + " BEFORE DELETE ON debtor FOR EACH ROW EXECUTE FUNCTION "
                + function + "()");
        String reportId = UUID.randomUUID().toString();
        try {
            Fixtures.chunks(pharmacyId, reportId, next, 10).forEach(Fixtures::send);
            assertThat(Fixtures.awaitFinished(reportId)).isEqualTo("failed");
        } finally {
            Fixtures.execute("DROP TRIGGER " + function + " ON debtor");
            Fixtures.execute("DROP FUNCTION " + function + "()");
        }

        assertThat(Fixtures.debtorRows(pharmacyId))
                .as("previous debtors, every column")
                .isEqualTo(rowsBefore);
        assertThat(Fixtures.count("SELECT current_report_id FROM pharmacy WHERE id = ?", pharmacyId))
                .isEqualTo(currentReport);
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM staged_account s JOIN debtor_report r ON r.id = s.report_id"
                                + " WHERE r.import_report_id = ?",
                        reportId))
                .as("staging emptied")
                .isZero();
        JsonPath reports = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/reports", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(reports.getString("[0].status")).isEqualTo("failed");
        String error = reports.getString("[0].error_message");
        assertThat(error)
                .contains(
                        "could not be applied",
                        "SQLSTATE P0001",
                        "previous debtors are unchanged",
                        "Upload the report again")
                .doesNotContain("KEEP01");
        assertThat(reports.getInt("[0].total_accounts")).isZero();
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .queryParam("exclude_medical_aid", false)
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .statusCode(200)
                .body("total", equalTo(good.size()));

        Fixtures.awaitRelayed(reportId);
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_REPORT_STATUS)) {
            TopicReader.Record event = reader.await(1, r -> r.value().contains(reportId), Duration.ofSeconds(20))
                    .get(0);
            assertThat(event.key()).isEqualTo(Long.toString(pharmacyId));
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.get("status").asText()).isEqualTo("failed");
            assertThat(data.get("error").asText()).isEqualTo(error);
            assertThat(data.get("total_accounts").asInt()).isZero();
        }

        // what the message asks for: uploaded again (the cause gone), the report applies
        assertThat(Fixtures.awaitFinished(Fixtures.report(pharmacyId, next, 10)))
                .isEqualTo("completed");
        assertThat(Fixtures.count("SELECT COUNT(*) FROM debtor WHERE pharmacy_id = ? AND d60 = 999.00", pharmacyId))
                .isEqualTo(next.size() - 1);
    }

    /** A report in one chunk (its row created in the same transaction) refused by a database-only rule. */
    @Test
    void aReportRefusedByADatabaseRuleIsRecordedFailedNamingTheRule() throws Exception {
        long pharmacyId = Fixtures.pharmacy("Database Rule Pharmacy");
        List<DebtorReportChunk.Account> good =
                GroundTruth.load("winterton_small").accounts();
        Fixtures.report(pharmacyId, good, 100);
        List<Map<String, Object>> rowsBefore = Fixtures.debtorRows(pharmacyId);

        String constraint = "debtor_test_rule_" + pharmacyId;
        Fixtures.execute("ALTER TABLE debtor ADD CONSTRAINT " + constraint + " CHECK (pharmacy_id <> " + pharmacyId
                + " OR name <> 'REFUSED BY THE DATABASE') NOT VALID");
        List<DebtorReportChunk.Account> next = new ArrayList<>(good);
        next.add(Fixtures.account("R0001", "REFUSED BY THE DATABASE", "10.00", null, null));
        String reportId = UUID.randomUUID().toString();
        try {
            Fixtures.send(Fixtures.chunks(pharmacyId, reportId, next, 1000).get(0));
            assertThat(Fixtures.awaitFinished(reportId)).isEqualTo("failed");
        } finally {
            Fixtures.execute("ALTER TABLE debtor DROP CONSTRAINT " + constraint);
        }

        assertThat(Fixtures.debtorRows(pharmacyId)).isEqualTo(rowsBefore);
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM debtor_report WHERE import_report_id = ? AND error_message" + " LIKE ?",
                        reportId,
                        "%under rule " + constraint + " (SQLSTATE 23514)%"))
                .isEqualTo(1);
        Fixtures.awaitRelayed(reportId);
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_REPORT_STATUS)) {
            TopicReader.Record event = reader.await(1, r -> r.value().contains(reportId), Duration.ofSeconds(20))
                    .get(0);
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.get("status").asText()).isEqualTo("failed");
            assertThat(data.get("error").asText()).contains(constraint);
        }
    }

    @Test
    void arrearsBeyondTheStoredRangeFailTheReportNamingTheAccount() {
        long pharmacyId = Fixtures.pharmacy("Huge Arrears Pharmacy");
        BigDecimal big = new BigDecimal("9000000000000.00");
        BigDecimal zero = new BigDecimal("0.00");
        // the balance fits (a credit in current offsets it) but d60..d180 add up to 18,000,000,000,000.00
        DebtorReportChunk.Account huge = new DebtorReportChunk.Account(
                "H0001",
                "HUGE",
                new DebtorReportChunk.Amounts(big.negate(), zero, big, big, zero, zero, zero, big),
                null,
                null,
                List.of(),
                false,
                null,
                null,
                null,
                null);
        String reportId = Fixtures.report(pharmacyId, List.of(huge), 10);
        assertThat(Fixtures.reportStatus(reportId)).isEqualTo("failed");
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM debtor_report WHERE import_report_id = ? AND error_message"
                                + " LIKE 'Account H0001: arrears%'",
                        reportId))
                .isEqualTo(1);
    }

    @Test
    void anAccountWhoseBalanceIsNotTheSumOfItsBucketsFailsTheReport() {
        long pharmacyId = Fixtures.pharmacy("Inconsistent Pharmacy");
        DebtorReportChunk.Account ok = Fixtures.account("100001", "OK", "5.00", null, null);
        DebtorReportChunk.Account wrong = new DebtorReportChunk.Account(
                "100002",
                "WRONG",
                new DebtorReportChunk.Amounts(
                        BigDecimal.ONE,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.TEN),
                null,
                null,
                List.of(),
                false,
                null,
                null,
                null,
                null);
        String reportId = Fixtures.report(pharmacyId, List.of(ok, wrong), 1);
        assertThat(Fixtures.reportStatus(reportId)).isEqualTo("failed");
        assertThat(Fixtures.count("SELECT COUNT(*) FROM debtor WHERE pharmacy_id = ?", pharmacyId))
                .isZero();
    }

    @Test
    void aRedeliveredChunkIsAppliedOnce() {
        long pharmacyId = Fixtures.pharmacy("Redelivery Pharmacy");
        List<DebtorReportChunk.Account> accounts =
                GroundTruth.load("split_page_break").accounts();
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
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM debtor_report_chunk c JOIN debtor_report r ON r.id = c.report_id"
                                + " WHERE r.import_report_id = ?",
                        reportId))
                .isEqualTo(3);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM inbox_event WHERE event_id = ?", eventId))
                .isEqualTo(1);
    }

    private static Map<String, Long> ids(long pharmacyId) {
        return given()
                .auth()
                .oauth2(TestTokens.admin())
                .queryParam("per_page", 1000)
                .queryParam("exclude_medical_aid", false)
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("debtors")
                .stream()
                .collect(Collectors.toMap(d -> (String) d.get("acc_no"), d -> ((Number) d.get("id")).longValue()));
    }
}
