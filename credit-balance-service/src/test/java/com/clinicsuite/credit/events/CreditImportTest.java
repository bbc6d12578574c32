package com.clinicsuite.credit.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
import com.clinicsuite.events.imports.CreditRowsChunk;
import com.clinicsuite.events.imports.CreditRowsChunk.Row;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Imports arrive as CreditRowsChunk events (as import-service publishes them) and are applied atomically. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class CreditImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void replaceSwapsTheWholeDataSetOnceEveryChunkArrived() throws Exception {
        List<Row> rows = groundTruth("main.json");
        long before = count();
        String importId = "imp-" + UUID.randomUUID();
        List<CreditRowsChunk> chunks = chunks(importId, "replace", rows, 500);
        assertThat(chunks).hasSize(3);

        try (TopicReader results = new TopicReader(Topics.CREDIT_IMPORT_RESULTS);
             EventPublisher publisher = new EventPublisher()) {
            publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, chunks.get(0));
            String id = publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, chunks.get(1));
            publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, chunks.get(1), id); // redelivery
            publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, chunks.get(1)); // re-sent under a new id
            publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, chunks.get(2));

            JsonNode completed = awaitStatus(results, importId, "completed");
            assertThat(completed.get("inserted").asInt()).isEqualTo(1353);
            assertThat(completed.get("deleted").asLong()).isEqualTo(before);
            assertThat(completed.get("rows_applied").asInt()).isEqualTo(1353);
            assertThat(results.await(1, r -> importId.equals(r.key()) && r.value().contains("\"applying\""), WAIT))
                    .hasSize(1);
        }
        assertThat(count()).isEqualTo(1353);
        assertThat(new BigDecimal(sql("select sum(balance_amount) from credit_balance"))).isEqualByComparingTo("21942400.57");
        assertThat(sql("select voucher_number from credit_balance where client_code = 'AD03C4403'")).isEqualTo("PBAD05349");
        assertThat(sql("select count(*) from credit_balance where voucher_number is null")).isEqualTo("30");
        assertThat(sql("select count(*) from credit_import_chunk where import_id = '" + importId + "'")).isEqualTo("0");
    }

    @Test
    void upsertMergesOnClientCodeTreatmentAndCenter() throws Exception {
        String code = "UP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        RestAssured.given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("client_code", code, "client_name", "Upsert Client", "treatment_name", "Vampire Facial",
                        "center", "GK2", "package_amount", 1000, "amount_paid", 900, "sessions_paid", 4))
                .when().post("/credit-balances/").then().statusCode(201);

        String importId = "imp-" + UUID.randomUUID();
        List<Row> rows = List.of(
                row(2, code, "Vampire Facial", "GK2", "9811012345", "500.00", 4, 1),
                row(3, code, "Vampire Facial", "Punjabi Bagh", "9811012345", "700.00", 6, 0));
        try (TopicReader results = new TopicReader(Topics.CREDIT_IMPORT_RESULTS);
             EventPublisher publisher = new EventPublisher()) {
            publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, chunks(importId, "upsert", rows, 500).get(0));
            JsonNode completed = awaitStatus(results, importId, "completed");
            assertThat(completed.get("updated").asInt()).isEqualTo(1);
            assertThat(completed.get("inserted").asInt()).isEqualTo(1);
            assertThat(completed.get("deleted").asInt()).isZero();
        }
        assertThat(sql("select count(*) from credit_balance where client_code = '" + code + "'")).isEqualTo("2");
        assertThat(sql("select balance_amount || ' ' || balance_sessions || ' ' || voucher_number from credit_balance "
                + "where client_code = '" + code + "' and center = 'GK2'")).isEqualTo("500.00 3 GK" + code.substring(0, 3) + "1012");
    }

    @Test
    void aRowTheDatabaseRefusesHalfWayLeavesTheOldDataIntact() throws Exception {
        long before = count();
        String sumBefore = sql("select coalesce(sum(balance_amount), 0) from credit_balance");
        String importId = "imp-" + UUID.randomUUID();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(row(2 + i, "HW" + i + UUID.randomUUID().toString().substring(0, 4), "Botox", "PV", "9811012345",
                    "100.00", 5, 1));
        }
        // sheet row 6, in the second chunk: balance_sessions does not add up, which the database refuses
        Row bad = rows.get(4);
        rows.set(4, new Row(bad.sourceRow(), null, bad.clientCode(), bad.clientName(), bad.phoneNo(), null,
                bad.treatmentName(), bad.center(), null, bad.packageAmount(), bad.amountPaid(), bad.balanceAmount(),
                bad.prepaidGiftCardBalance(), 5, 1, 2));

        try (TopicReader results = new TopicReader(Topics.CREDIT_IMPORT_RESULTS);
             EventPublisher publisher = new EventPublisher()) {
            for (CreditRowsChunk chunk : chunks(importId, "replace", rows, 3)) {
                publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, chunk);
            }
            JsonNode failed = awaitStatus(results, importId, "failed");
            assertThat(failed.get("error").asText()).contains("Row 6").contains("credit_balance_sessions_add_up");
            assertThat(failed.get("rejected").get(0).get("row").asInt()).isEqualTo(6);
            assertThat(failed.get("inserted").asInt()).isZero();
        }
        assertThat(count()).isEqualTo(before);
        assertThat(sql("select coalesce(sum(balance_amount), 0) from credit_balance")).isEqualTo(sumBefore);
        assertThat(sql("select status from credit_import where import_id = '" + importId + "'")).isEqualTo("failed");
    }

    private static JsonNode awaitStatus(TopicReader results, String importId, String status) throws Exception {
        List<TopicReader.Record> found = results.await(1,
                r -> importId.equals(r.key()) && r.value().contains("\"status\":\"" + status + "\""), WAIT);
        assertThat(found).as("%s event for %s", status, importId).hasSize(1);
        assertThat(found.get(0).ceType()).isEqualTo("credit.import-result.v1");
        return JSON.readTree(found.get(0).value());
    }

    private static List<CreditRowsChunk> chunks(String importId, String mode, List<Row> rows, int size) {
        List<CreditRowsChunk> chunks = new ArrayList<>();
        int count = (rows.size() + size - 1) / size;
        for (int i = 0; i < count; i++) {
            chunks.add(new CreditRowsChunk(importId, mode, "admin", i, count, rows.size(),
                    rows.subList(i * size, Math.min(rows.size(), (i + 1) * size))));
        }
        return chunks;
    }

    private static Row row(int sourceRow, String code, String treatment, String center, String phone, String balance,
                           int paid, int consumed) {
        return new Row(sourceRow, null, code, "Import Client", phone, "import.client@example.com", treatment, center,
                null, new BigDecimal("1000.00"), new BigDecimal("500.00"), new BigDecimal(balance), BigDecimal.ZERO,
                paid, consumed, paid - consumed);
    }

    private static List<Row> groundTruth(String file) throws Exception {
        JsonNode truth = JSON.readTree(Path.of(System.getProperty("testdata.dir"), "credit", file).toFile());
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : truth.get("rows")) {
            List<String> emails = new ArrayList<>();
            r.get("emails").forEach(e -> emails.add(e.asText()));
            rows.add(new Row(r.get("source_row").asInt(), null, r.get("client_code").asText(),
                    r.get("client_name").asText(), r.get("phone").isNull() ? null : r.get("phone").asText(),
                    emails.isEmpty() ? null : String.join(", ", emails), r.get("treatment_name").asText(),
                    r.get("center").asText(), null, new BigDecimal(r.get("package_amount").asText()),
                    new BigDecimal(r.get("amount_paid").asText()), new BigDecimal(r.get("balance_amount").asText()),
                    new BigDecimal(r.get("prepaid_gift_card_balance").asText()), r.get("sessions_paid").asInt(),
                    r.get("sessions_consumed").asInt(), r.get("balance_sessions").asInt()));
        }
        return rows;
    }

    private static long count() throws Exception {
        return Long.parseLong(sql("select count(*) from credit_balance"));
    }

    private static String sql(String query) throws Exception {
        try (Connection c = SuiteInfrastructure.jdbcConnection(); ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
