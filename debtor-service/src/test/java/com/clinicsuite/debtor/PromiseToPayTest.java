package com.clinicsuite.debtor;

import static com.clinicsuite.debtor.CollectionsFixtures.account;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Promises to pay: made by staff, kept or broken by later reports, cancelled; every change on debtors.accounts. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class PromiseToPayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Africa/Johannesburg"));

    private static JsonPath promise(long pharmacyId, long debtorId, Object amount, Object dueDate, int status) {
        return given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(Map.of("amount", amount, "due_date", dueDate.toString()))
                .post("/pharmacies/{p}/debtors/{d}/promises", pharmacyId, debtorId)
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private static JsonPath promises(long pharmacyId, long debtorId) {
        return given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/{d}/promises", pharmacyId, debtorId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> listed(long pharmacyId, String filter, Object value) {
        return given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .queryParam(filter, value)
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("debtors.acc_no", String.class);
    }

    @Test
    void aPromiseIsKeptByOneReportAndAnotherBrokenByTheNext() throws Exception {
        long pharmacyId = Fixtures.pharmacy("Promise Pharmacy");
        // P1 and P2 owe 600 and 400 overdue, P3 1,000; P4 owes only current amounts
        CollectionsFixtures.report(
                pharmacyId,
                List.of(
                        account("P1", "KEEPS, A", null, null, "0", "0", "600"),
                        account("P2", "BREAKS, B", null, null, "0", "0", "400"),
                        account("P3", "LATER, C", null, null, "0", "0", "0", "1000"),
                        account("P4", "CURRENT, D", null, null, "250")),
                TODAY);
        Map<String, Long> ids = CollectionsFixtures.ids(pharmacyId);

        JsonPath p1 = promise(pharmacyId, ids.get("P1"), 500, TODAY.plusDays(5), 201);
        assertThat(p1.getString("status")).isEqualTo("open");
        assertThat(new BigDecimal(p1.getString("amount"))).isEqualByComparingTo("500.00");
        assertThat(p1.getString("due_date")).isEqualTo(TODAY.plusDays(5).toString());
        assertThat(p1.getString("created_by")).isEqualTo("writer-" + pharmacyId);
        assertThat(p1.getString("resolved_at")).isNull();
        promise(pharmacyId, ids.get("P2"), "200.00", TODAY.plusDays(5), 201);
        long p3 =
                promise(pharmacyId, ids.get("P3"), 300, TODAY.plusDays(60), 201).getLong("id");
        // one open promise per account; no promise in the past, of nothing, or of fractions of a cent
        promise(pharmacyId, ids.get("P3"), 100, TODAY.plusDays(70), 409);
        promise(pharmacyId, ids.get("P4"), 100, TODAY.minusDays(1), 422);
        promise(pharmacyId, ids.get("P4"), 0, TODAY, 422);
        promise(pharmacyId, ids.get("P4"), "10.005", TODAY, 422);
        promise(pharmacyId, ids.get("P4"), 10, "next week", 422);
        assertThat(listed(pharmacyId, "has_open_promise", true)).containsExactlyInAnyOrder("P1", "P2", "P3");

        // ten days later (within due date + 7): P1 paid 550 of its overdue, P2 nothing; both age a bucket
        CollectionsFixtures.report(
                pharmacyId,
                List.of(
                        account("P1", "KEEPS, A", null, null, "0", "0", "0", "50"),
                        account("P2", "BREAKS, B", null, null, "0", "0", "0", "400"),
                        account("P3", "LATER, C", null, null, "0", "0", "0", "0", "1000"),
                        account("P4", "CURRENT, D", null, null, "0", "250")),
                TODAY.plusDays(10));
        assertThat(promises(pharmacyId, ids.get("P1")).getString("[0].status")).isEqualTo("kept");
        assertThat(promises(pharmacyId, ids.get("P1")).getString("[0].resolved_at"))
                .isNotNull();
        assertThat(promises(pharmacyId, ids.get("P2")).getString("[0].status")).isEqualTo("open");

        // twenty days later (past due date + 7): P2 still owes it all
        CollectionsFixtures.report(
                pharmacyId,
                List.of(
                        account("P1", "KEEPS, A", null, null, "0", "0", "0", "0", "50"),
                        account("P2", "BREAKS, B", null, null, "0", "0", "0", "0", "400"),
                        account("P3", "LATER, C", null, null, "0", "0", "0", "0", "0", "1000"),
                        account("P4", "CURRENT, D", null, null, "0", "0", "250")),
                TODAY.plusDays(20));
        JsonPath p2 = promises(pharmacyId, ids.get("P2"));
        assertThat(p2.getString("[0].status")).isEqualTo("broken");
        assertThat(promises(pharmacyId, ids.get("P1")).getString("[0].status")).isEqualTo("kept");
        assertThat(promises(pharmacyId, ids.get("P3")).getString("[0].status")).isEqualTo("open");

        assertThat(listed(pharmacyId, "promise_status", "kept")).containsExactly("P1");
        assertThat(listed(pharmacyId, "promise_status", "broken")).containsExactly("P2");
        assertThat(listed(pharmacyId, "has_open_promise", true)).containsExactly("P3");
        assertThat(listed(pharmacyId, "has_open_promise", false)).containsExactlyInAnyOrder("P1", "P2", "P4");
        JsonPath row = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .queryParam("search", "P3")
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(new BigDecimal(row.getString("debtors[0].open_promise.amount")))
                .isEqualByComparingTo("300");
        assertThat(row.getString("debtors[0].open_promise.due_date"))
                .isEqualTo(TODAY.plusDays(60).toString());

        // cancelled by staff: 204, then 409; another account's promise id is not found
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .delete("/pharmacies/{p}/debtors/{d}/promises/{id}", pharmacyId, ids.get("P1"), p3)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .delete("/pharmacies/{p}/debtors/{d}/promises/{id}", pharmacyId, ids.get("P3"), p3)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .delete("/pharmacies/{p}/debtors/{d}/promises/{id}", pharmacyId, ids.get("P3"), p3)
                .then()
                .statusCode(409);
        assertThat(promises(pharmacyId, ids.get("P3")).getString("[0].status")).isEqualTo("cancelled");
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .contentType("application/json")
                .body(Map.of("amount", 10, "due_date", TODAY.toString()))
                .post("/pharmacies/{p}/debtors/{d}/promises", pharmacyId, ids.get("P4"))
                .then()
                .statusCode(403);

        // every change reached the broker, without names: 3 made, 1 kept, 1 broken, 1 cancelled
        Fixtures.awaitRelayed("\"status\":\"cancelled\"");
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_ACCOUNTS)) {
            List<TopicReader.Record> events = reader.await(
                    6,
                    r -> EventCatalog.PROMISE_TO_PAY_CHANGED.type().equals(r.ceType())
                            && r.key().equals(Long.toString(pharmacyId)),
                    Duration.ofSeconds(30));
            assertThat(events).hasSize(6);
            List<String> statuses = new java.util.ArrayList<>();
            for (TopicReader.Record r : events) {
                JsonNode data = JSON.readTree(r.value());
                statuses.add(
                        data.get("acc_no").asText() + ":" + data.get("status").asText());
                assertThat(r.value()).doesNotContain("KEEPS").doesNotContain("BREAKS");
                if (data.get("status").asText().equals("kept")) {
                    assertThat(data.get("report_id").isNull()).isFalse();
                    assertThat(data.get("changed_by").isNull()).isTrue();
                }
            }
            assertThat(statuses)
                    .containsExactly("P1:open", "P2:open", "P3:open", "P1:kept", "P2:broken", "P3:cancelled");
        }
    }
}
