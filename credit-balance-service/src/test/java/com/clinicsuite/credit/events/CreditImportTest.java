package com.clinicsuite.credit.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
import com.clinicsuite.events.imports.CreditImportAborted;
import com.clinicsuite.events.imports.CreditRowsChunk;
import com.clinicsuite.events.imports.CreditRowsChunk.Row;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.KafkaBroker;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import com.clinicsuite.testkit.fixtures.CreditRecord;
import com.clinicsuite.testkit.fixtures.CreditWorkbook;
import com.clinicsuite.testkit.fixtures.CreditWorkbooks;
import com.clinicsuite.vocabulary.ImportMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Imports arrive as CreditRowsChunk events (as import-service publishes them) and are applied atomically. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class CreditImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The test kit's main workbook: 1,353 rows, balance total 21942400.57, check row AD03C4403 (PBAD05349). */
    private static final CreditWorkbook MAIN = CreditWorkbooks.main().truth();

    @Inject
    MeterRegistry registry;

    @Test
    void replaceSwapsTheWholeDataSetOnceEveryChunkArrived() throws Exception {
        List<Row> rows = groundTruth();
        long before = count();
        String importId = "imp-" + UUID.randomUUID();
        // as import-service sends them: published while the file is read, the count known with the last chunk only
        List<CreditRowsChunk> chunks = streamedChunks(importId, ImportMode.REPLACE, rows, 500);
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(1).chunkCount()).isZero();

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
            assertThat(results.await(
                            1, r -> importId.equals(r.key()) && r.value().contains("\"applying\""), WAIT))
                    .hasSize(1);
        }
        assertThat(count()).isEqualTo(1353);
        assertThat(new BigDecimal(sql("select sum(balance_amount) from credit_balance")))
                .isEqualByComparingTo("21942400.57");
        assertThat(sql("select voucher_number from credit_balance where client_code = 'AD03C4403'"))
                .isEqualTo("PBAD05349");
        assertThat(sql("select count(*) from credit_balance where voucher_number is null"))
                .isEqualTo(Long.toString(MAIN.rows().stream()
                        .filter(r -> r.expectedVoucher() == null)
                        .count()));
        assertNothingStaged(importId);
        assertThat(sql("select count(*) from credit_balance where created_at is null or updated_at is null"))
                .isEqualTo("0");
    }

    @Test
    void anAbortedImportLosesWhatWasStagedAndIgnoresLaterChunks() throws Exception {
        String before = fingerprint();
        String importId = "imp-" + UUID.randomUUID();
        List<Row> rows = sixRows("AB");
        List<CreditRowsChunk> chunks = streamedChunks(importId, ImportMode.REPLACE, rows, 2);
        String staged = "select count(*) from credit_import_row where import_id = '" + importId + "'";
        try (TopicReader results = new TopicReader(Topics.CREDIT_IMPORT_RESULTS);
                EventPublisher publisher = new EventPublisher()) {
            publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, chunks.get(0));
            publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, chunks.get(1));
            awaitSql(staged, "4");

            // import-service could not finish reading the file: the import is called off
            publisher.send(
                    EventCatalog.CREDIT_IMPORT_ABORTED,
                    importId,
                    new CreditImportAborted(importId, "The file has more than 4 data rows"));
            awaitSql("select status from credit_import where import_id = '" + importId + "'", "failed");
            assertThat(sql(staged)).isEqualTo("0");
            assertThat(sql("select error from credit_import where import_id = '" + importId + "'"))
                    .contains("more than 4 data rows");

            // a last chunk arriving anyway changes nothing
            String last = publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, chunks.get(2));
            awaitSql("select count(*) from inbox_event where event_id = '" + last + "'", "1");
            assertThat(sql(staged)).isEqualTo("0");
            assertThat(results.await(1, r -> importId.equals(r.key()), Duration.ofSeconds(2)))
                    .isEmpty();
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    /**
     * The consumer takes its two event types by their {@code ce_type} (Inbox.dispatch). A chunk under a type it does not
     * consume is skipped (before, anything not an abort was read as a chunk and staged), and a record without
     * CloudEvents headers is dead-lettered, not staged; an import behind them on the same partition goes through.
     */
    @Test
    void aChunkUnderAnotherTypeIsSkippedAndOneWithoutATypeIsDeadLettered() throws Exception {
        String foreign = "imp-" + UUID.randomUUID();
        String untyped = "imp-" + UUID.randomUUID();
        String importId = "imp-" + UUID.randomUUID();
        String code = "TY" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        double skippedBefore = skipped("imports.credit-rows-note.v1");
        try (TopicReader results = new TopicReader(Topics.CREDIT_IMPORT_RESULTS);
                EventPublisher publisher = new EventPublisher();
                KafkaProducer<String, String> plain = plainProducer()) {
            // all three under one key: one partition, consumed in this order
            String foreignId = UUID.randomUUID().toString();
            publisher.sendRaw(
                    Topics.IMPORTS_CREDIT_ROWS,
                    "imports.credit-rows-note.v1",
                    importId,
                    JSON.writeValueAsString(oneRowChunk(foreign, code + "F")),
                    foreignId);
            plain.send(new ProducerRecord<>(
                            Topics.IMPORTS_CREDIT_ROWS,
                            importId,
                            JSON.writeValueAsString(oneRowChunk(untyped, code + "U"))))
                    .get();
            publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, oneRowChunk(importId, code));

            assertThat(awaitStatus(results, importId, "completed")
                            .get("inserted")
                            .asInt())
                    .isEqualTo(1);
            assertThat(results.await(1, r -> foreign.equals(r.key()) || untyped.equals(r.key()), Duration.ofSeconds(2)))
                    .isEmpty();
            assertThat(sql("select count(*) from inbox_event where event_id = '" + foreignId + "'"))
                    .isEqualTo("0");
        }
        assertThat(skipped("imports.credit-rows-note.v1") - skippedBefore).isEqualTo(1.0);
        assertThat(sql("select count(*) from credit_balance where client_code like '" + code + "%'"))
                .isEqualTo("1");
        assertThat(sql("select count(*) from credit_import where import_id in ('" + foreign + "', '" + untyped + "')"))
                .isEqualTo("0");
        assertThat(sql("select count(*) from inbox_dead_letter where consumer = '" + CreditRowsConsumer.CONSUMER
                        + "' and record_key = '" + importId + "' and event_type is null and error like '%ce_type%'"))
                .isEqualTo("1");
    }

    private static CreditRowsChunk oneRowChunk(String importId, String code) {
        return chunks(importId, ImportMode.UPSERT, List.of(row(2, code, "Botox", "PV", null, "10.00", 1, 0)), 1)
                .get(0);
    }

    private double skipped(String type) {
        Counter counter = registry.find("inbox.skipped")
                .tag("consumer", CreditRowsConsumer.CONSUMER)
                .tag("type", type)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static KafkaProducer<String, String> plainProducer() {
        Properties p = KafkaBroker.get().clientProperties();
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    @Test
    void upsertMergesOnClientCodeTreatmentAndCenter() throws Exception {
        String code = "UP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String other = "UQ" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        for (int i = 0; i < 2; i++) { // two records share a key: both take the row's values
            createRecord(code, "Vampire Facial", "GK2");
        }

        assertSearchTotal(code, "2");
        String importId = "imp-" + UUID.randomUUID();
        List<Row> rows = List.of(
                // chunk 0: updates both GK2 records; inserts the Punjabi Bagh one
                row(2, code, "Vampire Facial", "GK2", "9811012345", "500.00", 4, 1),
                row(3, code, "Vampire Facial", "Punjabi Bagh", "9811012345", "700.00", 6, 0),
                // chunk 1: updates the record chunk 0 inserted (treatment in another case, center spelt PB); new key
                row(4, code, "VAMPIRE FACIAL", "PB", "9811012345", "650.00", 6, 2),
                row(5, other.toLowerCase(), "Botox", "PV", "9811054321", "300.00", 3, 0));
        try (TopicReader results = new TopicReader(Topics.CREDIT_IMPORT_RESULTS);
                EventPublisher publisher = new EventPublisher()) {
            sendAll(publisher, chunks(importId, ImportMode.UPSERT, rows, 2));
            JsonNode completed = awaitStatus(results, importId, "completed");
            assertThat(completed.get("updated").asInt()).isEqualTo(3);
            assertThat(completed.get("inserted").asInt()).isEqualTo(2);
            assertThat(completed.get("deleted").asInt()).isZero();
            assertThat(completed.get("rows_applied").asInt()).isEqualTo(4);
        }
        assertSearchTotal(code, "3"); // the import dropped the cached total
        assertThat(sql("select count(*) from credit_balance where client_code = '" + code + "'"))
                .isEqualTo("3");
        assertThat(sql("select count(*) from credit_balance where client_code = '" + code + "' and center = 'GK2' "
                        + "and balance_amount = 500.00 and balance_sessions = 3 and voucher_number = 'GK"
                        + code.substring(0, 3)
                        + "1012'"))
                .isEqualTo("2");
        assertThat(sql("select balance_amount || ' ' || balance_sessions || ' ' || voucher_number from credit_balance "
                        + "where client_code = '" + code + "' and center = 'Punjabi Bagh'"))
                .isEqualTo("650.00 4 PB" + code.substring(0, 3) + "1012");
        assertThat(sql("select center || ' ' || voucher_number from credit_balance where client_code = '" + other
                        + "'"))
                .isEqualTo("Preet Vihar PV" + other.substring(0, 3) + "1054");
        assertThat(countOf("credit_import_row", importId)).isEqualTo("0");
    }

    @Test
    void everyValueOfARowArrivesExactlyAsSent() throws Exception {
        // rows are staged as one JSON document per chunk: quotes, backslashes, non-Latin text, formula-like text,
        // the largest amount a column holds and absent values must all come through untouched
        String code = "RT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String name = "O'Brien \"Bobby\" \\ Δημήτρης – 😀";
        String importId = "imp-" + UUID.randomUUID();
        Row tricky = new Row(
                7,
                "GK-2 sheet",
                code,
                name,
                null,
                null,
                "=HYPERLINK(\"x\")",
                "gk2",
                "+Bucket; 1",
                new BigDecimal("9999999999999.99"),
                new BigDecimal("0.01"),
                new BigDecimal("9999999999999.98"),
                new BigDecimal("12.50"),
                3,
                1,
                2);
        try (TopicReader results = new TopicReader(Topics.CREDIT_IMPORT_RESULTS);
                EventPublisher publisher = new EventPublisher()) {
            sendAll(publisher, chunks(importId, ImportMode.UPSERT, List.of(tricky), 1));
            assertThat(awaitStatus(results, importId, "completed")
                            .get("inserted")
                            .asInt())
                    .isEqualTo(1);
        }
        assertThat(sql("select client_name from credit_balance where client_code = '" + code + "'"))
                .isEqualTo(name);
        assertThat(sql("select concat_ws('|', treatment_name, center, final_bucket, package_amount, amount_paid, "
                        + "balance_amount, prepaid_gift_card_balance, sessions_paid, sessions_consumed, balance_sessions, "
                        + "coalesce(phone_no, 'no phone'), coalesce(email_id, 'no email'), coalesce(voucher_number, 'no voucher')) "
                        + "from credit_balance where client_code = '" + code + "'"))
                .isEqualTo("=HYPERLINK(\"x\")|GK2|+Bucket; 1|9999999999999.99|0.01|9999999999999.98|12.50|3|1|2"
                        + "|no phone|no email|no voucher");
    }

    @Test
    void aRowTheDatabaseRefusesHalfWayLeavesTheOldDataExactlyIntact() throws Exception {
        String before = fingerprint();
        String importId = "imp-" + UUID.randomUUID();
        List<Row> rows = sixRows("HW");
        // sheet row 6, in the second chunk: balance_sessions does not add up, which the database refuses
        rows.set(4, withBalanceSessions(rows.get(4), 2));

        try (TopicReader results = new TopicReader(Topics.CREDIT_IMPORT_RESULTS);
                EventPublisher publisher = new EventPublisher()) {
            sendAll(publisher, chunks(importId, ImportMode.REPLACE, rows, 3));
            JsonNode failed = awaitStatus(results, importId, "failed");
            assertThat(failed.get("error").asText())
                    .contains("Row 6")
                    .contains("credit_balance_sessions_add_up")
                    .contains("nothing was changed");
            assertThat(failed.get("rejected").get(0).get("row").asInt()).isEqualTo(6);
            assertThat(failed.get("rejected").get(0).get("column").asText()).isEqualTo("balance_sessions");
            assertThat(failed.get("inserted").asInt()).isZero();
            // "applying" went out when the last chunk was staged; nothing says completed
            assertThat(results.await(
                            1, r -> importId.equals(r.key()) && r.value().contains("\"applying\""), WAIT))
                    .hasSize(1);
            assertThat(results.await(
                            1,
                            r -> importId.equals(r.key()) && r.value().contains("\"completed\""),
                            Duration.ofSeconds(2)))
                    .isEmpty();
        }
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(statusOf(importId)).isEqualTo("failed");
        assertNothingStaged(importId);
    }

    @Test
    void anUpsertRowTheDatabaseRefusesLeavesTheOldDataExactlyIntact() throws Exception {
        String code = "UR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        createRecord(code, "Botox", "PV");
        String before = fingerprint();
        String importId = "imp-" + UUID.randomUUID();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(row(2 + i, code + i, "Botox", "PV", "9811012345", "100.00", 5, 1));
        }
        // sheet row 7 updates the existing record with a negative package amount, which the database refuses
        rows.add(withPackageAmount(
                row(7, code, "botox", "Preet Vihar", "9811012345", "100.00", 5, 1), new BigDecimal("-5.00")));

        try (TopicReader results = new TopicReader(Topics.CREDIT_IMPORT_RESULTS);
                EventPublisher publisher = new EventPublisher()) {
            sendAll(publisher, chunks(importId, ImportMode.UPSERT, rows, 2));
            JsonNode failed = awaitStatus(results, importId, "failed");
            assertThat(failed.get("error").asText()).contains("Row 7").contains("credit_balance_amounts_not_negative");
            assertThat(failed.get("rejected").get(0).get("row").asInt()).isEqualTo(7);
            assertThat(failed.get("rejected").get(0).get("column").asText()).isEqualTo("package_amount");
        }
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(sql("select count(*) from credit_balance where client_code like '" + code + "%'"))
                .isEqualTo("1");
    }

    @Test
    void aRowRejectedWhileStagingFailsTheImportAtOnceAndItsLaterChunksAreIgnored() throws Exception {
        String before = fingerprint();
        String importId = "imp-" + UUID.randomUUID();
        List<Row> rows = sixRows("SR");
        rows.set(3, withCenter(rows.get(3), "Lajpat Nagar")); // sheet row 5, in the second chunk: a center nobody knows
        List<CreditRowsChunk> chunks = chunks(importId, ImportMode.REPLACE, rows, 2);

        try (TopicReader results = new TopicReader(Topics.CREDIT_IMPORT_RESULTS);
                EventPublisher publisher = new EventPublisher()) {
            publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, chunks.get(0));
            publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, chunks.get(1));
            // failed right away, before the last chunk was even sent
            JsonNode failed = awaitStatus(results, importId, "failed");
            assertThat(failed.get("error").asText())
                    .contains("Row 5")
                    .contains("center")
                    .contains("nothing was changed")
                    .doesNotContain("Lajpat");
            assertThat(failed.get("rejected").get(0).get("row").asInt()).isEqualTo(5);
            assertThat(failed.get("rejected").get(0).get("column").asText()).isEqualTo("center");
            assertThat(countOf("credit_import_row", importId)).isEqualTo("0");

            String last = publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, importId, chunks.get(2));
            awaitSql("select count(*) from inbox_event where event_id = '" + last + "'", "1");
            assertThat(results.await(2, r -> importId.equals(r.key()), Duration.ofSeconds(3)))
                    .as("only the failed result")
                    .hasSize(1);
        }
        assertThat(statusOf(importId)).isEqualTo("failed");
        assertNothingStaged(importId);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void anAmountWithMoreThanTwoDecimalsIsRejectedNamingRowAndColumn() throws Exception {
        String before = fingerprint();
        String importId = "imp-" + UUID.randomUUID();
        Row good = row(2, "DC" + UUID.randomUUID().toString().substring(0, 6), "Botox", "GK2", null, "10.00", 1, 0);
        Row bad = withAmountPaid(
                row(3, "DD" + UUID.randomUUID().toString().substring(0, 6), "Botox", "GK2", null, "10.00", 1, 0),
                new BigDecimal("500.125"));
        try (TopicReader results = new TopicReader(Topics.CREDIT_IMPORT_RESULTS);
                EventPublisher publisher = new EventPublisher()) {
            publisher.send(
                    EventCatalog.CREDIT_ROWS_CHUNK,
                    importId,
                    chunks(importId, ImportMode.UPSERT, List.of(good, bad), 10).get(0));
            JsonNode failed = awaitStatus(results, importId, "failed");
            assertThat(failed.get("rejected").get(0).get("row").asInt()).isEqualTo(3);
            assertThat(failed.get("rejected").get(0).get("column").asText()).isEqualTo("amount_paid");
            assertThat(failed.get("rejected").get(0).get("message").asText()).contains("more than 2 decimals");
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    /**
     * 100,000 rows in 100 chunks of 1,000, as import-service publishes a large sheet: staged chunk by chunk and
     * applied with set-based SQL. (Memory is bounded by a chunk; bench/import-apply.sh proves it with -Xmx128m.)
     */
    @Test
    void aReplaceOfOneHundredThousandRowsIsAppliedExactly() throws Exception {
        int total = 100_000;
        int chunkSize = 1_000;
        String[] centers = {"G.K.-II", "PB", "Preet Vihar", "Pitam Pura"};
        String[] treatments = {"PRP Hair Restoration", "Laser Hair Reduction", "Vampire Facial", "Botox"};
        BigDecimal packageSum = BigDecimal.ZERO;
        BigDecimal paidSum = BigDecimal.ZERO;
        BigDecimal balanceSum = BigDecimal.ZERO;
        long balanceSessions = 0;
        long before = count();
        String importId = "imp-" + UUID.randomUUID();
        long started;
        long publishedMs;
        try (TopicReader results = new TopicReader(Topics.CREDIT_IMPORT_RESULTS);
                EventPublisher publisher = new EventPublisher()) {
            started = System.nanoTime();
            for (int c = 0; c < total / chunkSize; c++) {
                List<Row> rows = new ArrayList<>(chunkSize);
                for (int i = c * chunkSize; i < (c + 1) * chunkSize; i++) {
                    BigDecimal pkg =
                            new BigDecimal(30000).add(new BigDecimal("10.25").multiply(BigDecimal.valueOf(i % 1000)));
                    BigDecimal paid =
                            new BigDecimal(10000).add(new BigDecimal("5.50").multiply(BigDecimal.valueOf(i % 500)));
                    BigDecimal balance = pkg.subtract(paid);
                    int consumed = i % 11;
                    rows.add(new Row(
                            i + 2,
                            null,
                            String.format("gn%07d", i),
                            "Generated Client " + i,
                            String.format("9%09d", i),
                            "client" + i + "@example.com",
                            treatments[i % 4],
                            centers[i % 4],
                            "Bucket " + (i % 3),
                            pkg,
                            paid,
                            balance,
                            new BigDecimal((i % 7) * 100),
                            10,
                            consumed,
                            10 - consumed));
                    packageSum = packageSum.add(pkg);
                    paidSum = paidSum.add(paid);
                    balanceSum = balanceSum.add(balance);
                    balanceSessions += 10 - consumed;
                }
                publisher.send(
                        EventCatalog.CREDIT_ROWS_CHUNK,
                        importId,
                        new CreditRowsChunk(importId, ImportMode.REPLACE, "admin", c, total / chunkSize, total, rows));
            }
            publishedMs = (System.nanoTime() - started) / 1_000_000;
            JsonNode completed = awaitStatus(results, importId, "completed", Duration.ofMinutes(5));
            assertThat(completed.get("inserted").asInt()).isEqualTo(total);
            assertThat(completed.get("rows_applied").asInt()).isEqualTo(total);
            assertThat(completed.get("deleted").asLong()).isEqualTo(before);
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "100,000-row replace: published in %d ms, completed %d ms after the first chunk%n",
                publishedMs, tookMs);
        assertThat(count()).isEqualTo(total);
        assertThat(new BigDecimal(sql("select sum(package_amount) from credit_balance")))
                .isEqualByComparingTo(packageSum);
        assertThat(new BigDecimal(sql("select sum(amount_paid) from credit_balance")))
                .isEqualByComparingTo(paidSum);
        assertThat(new BigDecimal(sql("select sum(balance_amount) from credit_balance")))
                .isEqualByComparingTo(balanceSum);
        assertThat(Long.parseLong(sql("select sum(balance_sessions) from credit_balance")))
                .isEqualTo(balanceSessions);
        assertThat(sql("select count(distinct center) || ' ' || min(center) || ' ' || max(center) from credit_balance"))
                .isEqualTo("4 GK2 Punjabi Bagh");
        assertThat(sql("select count(*) from credit_balance where center = 'Pitampura'"))
                .isEqualTo("25000");
        // row i = 12345: Punjabi Bagh, GN0012345, phone 9000012345 -> PB + GN0 + 0012
        assertThat(sql("select center || ' ' || voucher_number from credit_balance where client_code = 'GN0012345'"))
                .isEqualTo("Punjabi Bagh PBGN00012");
        assertThat(countOf("credit_import_row", importId)).isEqualTo("0");
        // the search index took the new records in bulk after the commit (or still holds them pending): either way
        // the search finds exactly them
        assertSearchTotal("client12345@", "1");
        assertSearchTotal("GENERATED CLIENT 9999", "11");

        // leave the shared database small again for the other tests
        String restoreId = "imp-" + UUID.randomUUID();
        try (TopicReader results = new TopicReader(Topics.CREDIT_IMPORT_RESULTS);
                EventPublisher publisher = new EventPublisher()) {
            sendAll(publisher, chunks(restoreId, ImportMode.REPLACE, groundTruth(), 1000));
            awaitStatus(results, restoreId, "completed");
        }
        assertThat(count()).isEqualTo(1353);
    }

    private static JsonNode awaitStatus(TopicReader results, String importId, String status) throws Exception {
        return awaitStatus(results, importId, status, WAIT);
    }

    private static JsonNode awaitStatus(TopicReader results, String importId, String status, Duration wait)
            throws Exception {
        List<TopicReader.Record> found = results.await(
                1, r -> importId.equals(r.key()) && r.value().contains("\"status\":\"" + status + "\""), wait);
        assertThat(found).as("%s event for %s", status, importId).hasSize(1);
        assertThat(found.get(0).ceType()).isEqualTo("credit.import-result.v1");
        return JSON.readTree(found.get(0).value());
    }

    /** Chunks as import-service publishes them while reading a file: chunk_count and total_rows in the last only. */
    private static List<CreditRowsChunk> streamedChunks(String importId, ImportMode mode, List<Row> rows, int size) {
        List<CreditRowsChunk> all = chunks(importId, mode, rows, size);
        List<CreditRowsChunk> streamed = new ArrayList<>();
        for (CreditRowsChunk c : all) {
            boolean last = c.chunkIndex() == all.size() - 1;
            streamed.add(new CreditRowsChunk(
                    importId,
                    mode,
                    c.requestedBy(),
                    c.chunkIndex(),
                    last ? c.chunkCount() : 0,
                    last ? c.totalRows() : 0,
                    c.rows()));
        }
        return streamed;
    }

    private static List<CreditRowsChunk> chunks(String importId, ImportMode mode, List<Row> rows, int size) {
        List<CreditRowsChunk> chunks = new ArrayList<>();
        int count = (rows.size() + size - 1) / size;
        for (int i = 0; i < count; i++) {
            chunks.add(new CreditRowsChunk(
                    importId,
                    mode,
                    "admin",
                    i,
                    count,
                    rows.size(),
                    rows.subList(i * size, Math.min(rows.size(), (i + 1) * size))));
        }
        return chunks;
    }

    private static Row row(
            int sourceRow,
            String code,
            String treatment,
            String center,
            String phone,
            String balance,
            int paid,
            int consumed) {
        return new Row(
                sourceRow,
                null,
                code,
                "Import Client",
                phone,
                "import.client@example.com",
                treatment,
                center,
                null,
                new BigDecimal("1000.00"),
                new BigDecimal("500.00"),
                new BigDecimal(balance),
                BigDecimal.ZERO,
                paid,
                consumed,
                paid - consumed);
    }

    /** Every chunk, keyed by its import id as import-service sends them. */
    private static void sendAll(EventPublisher publisher, List<CreditRowsChunk> chunks) {
        for (CreditRowsChunk chunk : chunks) {
            publisher.send(EventCatalog.CREDIT_ROWS_CHUNK, chunk.importId(), chunk);
        }
    }

    /** A record created through the API: 1,000 package, 900 paid, 4 sessions paid. */
    private static void createRecord(String code, String treatment, String center) {
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "client_code",
                        code,
                        "client_name",
                        "Upsert Client",
                        "treatment_name",
                        treatment,
                        "center",
                        center,
                        "package_amount",
                        1000,
                        "amount_paid",
                        900,
                        "sessions_paid",
                        4))
                .when()
                .post("/credit-balances/")
                .then()
                .statusCode(201);
    }

    /** Six valid rows (sheet rows 2-7, Preet Vihar), client codes {@code prefix} + index + a random part. */
    private static List<Row> sixRows(String prefix) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(row(
                    2 + i,
                    prefix + i + UUID.randomUUID().toString().substring(0, 4),
                    "Botox",
                    "PV",
                    "9811012345",
                    "100.00",
                    5,
                    1));
        }
        return rows;
    }

    private static Row withCenter(Row r, String center) {
        return copy(r, center, r.packageAmount(), r.amountPaid(), r.balanceSessions());
    }

    private static Row withPackageAmount(Row r, BigDecimal packageAmount) {
        return copy(r, r.center(), packageAmount, r.amountPaid(), r.balanceSessions());
    }

    private static Row withAmountPaid(Row r, BigDecimal amountPaid) {
        return copy(r, r.center(), r.packageAmount(), amountPaid, r.balanceSessions());
    }

    private static Row withBalanceSessions(Row r, int balanceSessions) {
        return copy(r, r.center(), r.packageAmount(), r.amountPaid(), balanceSessions);
    }

    /** {@code r} with the values given, without sheet, e-mail and bucket. */
    private static Row copy(
            Row r, String center, BigDecimal packageAmount, BigDecimal amountPaid, int balanceSessions) {
        return new Row(
                r.sourceRow(),
                null,
                r.clientCode(),
                r.clientName(),
                r.phoneNo(),
                null,
                r.treatmentName(),
                center,
                null,
                packageAmount,
                amountPaid,
                r.balanceAmount(),
                r.prepaidGiftCardBalance(),
                r.sessionsPaid(),
                r.sessionsConsumed(),
                balanceSessions);
    }

    /** Neither rows nor chunks of the import are left in staging. */
    private static void assertNothingStaged(String importId) throws Exception {
        assertThat(countOf("credit_import_row", importId)).as("staged rows").isEqualTo("0");
        assertThat(countOf("credit_import_chunk", importId)).as("staged chunks").isEqualTo("0");
    }

    /** How many rows of {@code table} belong to the import. */
    private static String countOf(String table, String importId) throws Exception {
        return sql("select count(*) from " + table + " where import_id = '" + importId + "'");
    }

    private static String statusOf(String importId) throws Exception {
        return sql("select status from credit_import where import_id = '" + importId + "'");
    }

    /** The rows of the main workbook as import-service sends them. */
    private static List<Row> groundTruth() {
        List<Row> rows = new ArrayList<>();
        for (CreditRecord r : MAIN.rows()) {
            rows.add(new Row(
                    r.sourceRow(),
                    null,
                    r.clientCode(),
                    r.clientName(),
                    r.phone(),
                    r.emails().isEmpty() ? null : String.join(", ", r.emails()),
                    r.treatmentName(),
                    r.center(),
                    null,
                    r.packageAmount(),
                    r.amountPaid(),
                    r.balanceAmount(),
                    r.prepaidGiftCardBalance(),
                    r.sessionsPaid(),
                    r.sessionsConsumed(),
                    r.balanceSessions()));
        }
        return rows;
    }

    /** X-Total-Count of a search for {@code term}, asked with limit 1 so that it is counted (and cached). */
    private static void assertSearchTotal(String term, String expected) {
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.admin())
                .queryParam("search", term)
                .queryParam("limit", 1)
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(200)
                .header("X-Total-Count", expected);
    }

    /** Every column of every record, in id order: equal fingerprints mean nothing changed at all. */
    private static String fingerprint() throws Exception {
        return sql("select count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' order by t.id)), '-') "
                + "from credit_balance t");
    }

    private static void awaitSql(String query, String expected) {
        Awaitility.await()
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(sql(query)).isEqualTo(expected));
    }

    private static long count() throws Exception {
        return Long.parseLong(sql("select count(*) from credit_balance"));
    }

    private static String sql(String query) throws Exception {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
