package com.clinicsuite.imports.credit.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows with the longest texts credit-balance-service stores make a chunk full before its 1,000th row: every chunk
 * stays within {@code credit-import.max-chunk-bytes} (900 KB, below the brokers' 1 MB) and reaches the broker.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class CreditChunkSizeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CHUNK_BYTES = 900 * 1024;
    private static final int ROWS = 1_000;

    @TempDir
    Path tmp;

    @Test
    void longRowsAreChunkedByBytesAndEveryChunkReachesTheBroker() throws Exception {
        Path csv = tmp.resolve("long_rows.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Client Code,Client Name,Treatment Name,Center,Package Amount,Amount Paid by the client,"
                    + "Balance Amount,Sessions Paid,Sessions Consumed,Balance Sessions,Email ID's,Final Bucket\n");
            String name = "É".repeat(200); // two bytes each in UTF-8
            String treatment = "T".repeat(200);
            String emails = String.join(";", java.util.Collections.nCopies(8, "a".repeat(45) + "@mail.test"));
            String bucket = "B".repeat(100);
            for (int i = 1; i <= ROWS; i++) {
                out.write("L" + i + "," + name + "," + treatment + ",GK2,1000,600,400,10,6,4,\"" + emails + "\","
                        + bucket + "\n");
            }
        }
        assertThat(Files.size(csv)).isLessThan(2L * 1024 * 1024); // the test profile's credit-import.max-file-size

        String id = given().auth()
                .oauth2(TestTokens.admin())
                .multiPart("file", csv.toFile())
                .multiPart("mode", "upsert")
                .post("/credit-balances/import")
                .then()
                .statusCode(202)
                .extract()
                .path("import_id");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(given().auth()
                                .oauth2(TestTokens.admin())
                                .get("/imports/" + id)
                                .then()
                                .extract()
                                .<String>path("status"))
                        .isEqualTo("applying"));

        List<Integer> sizes = new ArrayList<>();
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement s = c.prepareStatement("select octet_length(payload) from outbox_event "
                        + "where aggregate_key = ? and event_type = ? order by id")) {
            s.setString(1, id);
            s.setString(2, EventCatalog.CREDIT_ROWS_CHUNK.type());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sizes.add(rs.getInt(1));
                }
            }
        }
        // 1,000 rows of ~1.4 KB: one chunk by count, at least two by size
        assertThat(sizes)
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(MAX_CHUNK_BYTES));

        try (TopicReader reader = new TopicReader(Topics.IMPORTS_CREDIT_ROWS)) {
            List<TopicReader.Record> chunks =
                    reader.await(sizes.size(), r -> id.equals(r.key()), Duration.ofSeconds(60));
            int rows = 0;
            for (TopicReader.Record record : chunks) {
                JsonNode chunk = JSON.readTree(record.value());
                rows += chunk.get("rows").size();
                assertThat(chunk.get("rows").get(0).get("client_name").asText()).hasSize(200);
            }
            assertThat(rows).isEqualTo(ROWS);
        }
    }
}
