package com.clinicsuite.debtor;

import static com.clinicsuite.debtor.CollectionsFixtures.buckets;
import static com.clinicsuite.debtor.CollectionsFixtures.overdue;
import static com.clinicsuite.debtor.CollectionsFixtures.withAmounts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Movement between two month-end reports of real shape (the test kit's DEB013 generator: 300 accounts, two of them
 * medical-aid control accounts), the second
 * made from the first with every kind of movement, checked account by account against the contract's rules.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class MovementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static long pharmacyId;
    private static long october;
    private static long november;
    private static List<DebtorReportChunk.Account> before;
    private static List<DebtorReportChunk.Account> after;

    /** What the test expects of one account, from its own reading of the rules. */
    private record Expected(
            String movement,
            BigDecimal balanceBefore,
            BigDecimal balanceAfter,
            BigDecimal overdueBefore,
            BigDecimal overdueAfter) {

        BigDecimal change() {
            return (balanceAfter == null ? BigDecimal.ZERO : balanceAfter)
                    .subtract(balanceBefore == null ? BigDecimal.ZERO : balanceBefore)
                    .abs();
        }
    }

    @BeforeAll
    static void twoReports() {
        pharmacyId = Fixtures.pharmacy("Movement Pharmacy");
        before = CollectionsFixtures.monthEnd(21, 300);
        after = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            DebtorReportChunk.Account a = before.get(i);
            if (a.isMedicalAidControl()) {
                after.add(a);
                continue;
            }
            BigDecimal[] b = buckets(a);
            switch (i % 10) {
                case 0 -> {} // cleared: not in the later report
                case 1, 9 -> after.add(withAmounts(a, paidDown(b))); // part of the oldest debt paid
                case 6 -> after.add(withAmounts(a, zeros())); // paid up, still listed at 0.00
                case 2, 7 -> { // bought more
                    b[0] = b[0].add(new BigDecimal("150.00"));
                    after.add(withAmounts(a, b));
                }
                case 3, 5 -> after.add(withAmounts(a, aged(b))); // a month older, nothing paid or bought
                default -> after.add(a); // unchanged
            }
        }
        for (DebtorReportChunk.Account fresh : CollectionsFixtures.monthEnd(99, 25)) {
            if (!fresh.isMedicalAidControl()) {
                after.add(CollectionsFixtures.account(
                        "N" + fresh.accNo(), fresh.name(), fresh.email(), fresh.phone(), texts(buckets(fresh))));
            }
        }
        october = CollectionsFixtures.report(pharmacyId, before, LocalDate.of(2026, 10, 31));
        november = CollectionsFixtures.report(pharmacyId, after, LocalDate.of(2026, 11, 30));
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] b = new BigDecimal[7];
        java.util.Arrays.fill(b, BigDecimal.ZERO.setScale(2));
        return b;
    }

    private static BigDecimal[] paidDown(BigDecimal[] b) {
        for (int k = 6; k >= 0; k--) {
            if (b[k].signum() > 0) {
                b[k] = b[k].divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                return b;
            }
        }
        return b;
    }

    private static BigDecimal[] aged(BigDecimal[] b) {
        BigDecimal[] older = new BigDecimal[7];
        older[0] = BigDecimal.ZERO.setScale(2);
        for (int k = 1; k < 7; k++) {
            older[k] = b[k - 1];
        }
        older[6] = older[6].add(b[6]);
        return older;
    }

    private static String[] texts(BigDecimal[] b) {
        String[] t = new String[b.length];
        for (int i = 0; i < b.length; i++) {
            t[i] = b[i].toPlainString();
        }
        return t;
    }

    private static BigDecimal weight(DebtorReportChunk.Account a) {
        BigDecimal[] b = buckets(a);
        BigDecimal w = BigDecimal.ZERO;
        for (int k = 0; k < 7; k++) {
            w = w.add(b[k].multiply(BigDecimal.valueOf(k)));
        }
        return w;
    }

    /** The contract's rules, read independently of the service's SQL. */
    private static Map<String, Expected> expected() {
        Map<String, DebtorReportChunk.Account> was = new HashMap<>();
        before.stream().filter(a -> !a.isMedicalAidControl()).forEach(a -> was.put(a.accNo(), a));
        Map<String, DebtorReportChunk.Account> is = new HashMap<>();
        after.stream().filter(a -> !a.isMedicalAidControl()).forEach(a -> is.put(a.accNo(), a));
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (String accNo : was.keySet()) {
            DebtorReportChunk.Account f = was.get(accNo);
            DebtorReportChunk.Account t = is.get(accNo);
            if (t == null) {
                expected.put(accNo, new Expected("cleared", f.amounts().balance(), null, overdue(f), null));
                continue;
            }
            int c = t.amounts().balance().compareTo(f.amounts().balance());
            String movement = c < 0
                    ? "paid_down"
                    : c > 0 ? "increased" : weight(t).compareTo(weight(f)) > 0 ? "aged" : "unchanged";
            expected.put(
                    accNo,
                    new Expected(movement, f.amounts().balance(), t.amounts().balance(), overdue(f), overdue(t)));
        }
        for (String accNo : is.keySet()) {
            if (!was.containsKey(accNo)) {
                DebtorReportChunk.Account t = is.get(accNo);
                expected.put(accNo, new Expected("new", null, t.amounts().balance(), null, overdue(t)));
            }
        }
        return expected;
    }

    /** Amounts read as exact decimals (JsonPath's default, float, cannot hold 434922.49). */
    private static final JsonPathConfig EXACT =
            JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private static JsonPath movement(Map<String, ?> query) {
        return given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .queryParams(query)
                .get("/pharmacies/{p}/debtors/movement", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(EXACT);
    }

    private static BigDecimal money(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2);
    }

    @Test
    void everyAccountMovesAsTheRulesSayInOrderOfTheChange() {
        Map<String, Expected> expected = expected();
        assertThat(expected.values().stream().map(Expected::movement).distinct())
                .containsExactlyInAnyOrder("new", "cleared", "paid_down", "increased", "aged", "unchanged");

        JsonPath answer = movement(Map.of("per_page", 1000));
        assertThat(answer.getLong("from_report")).isEqualTo(october);
        assertThat(answer.getLong("to_report")).isEqualTo(november);
        assertThat(answer.getLong("total")).isEqualTo(expected.size());
        List<Map<String, Object>> accounts = answer.getList("accounts");
        assertThat(accounts).hasSize(expected.size());

        Map<String, Long> ids = CollectionsFixtures.ids(pharmacyId);
        for (Map<String, Object> row : accounts) {
            String accNo = (String) row.get("acc_no");
            Expected e = expected.get(accNo);
            assertThat(e).as(accNo).isNotNull();
            assertThat(row.get("movement")).as(accNo).isEqualTo(e.movement());
            assertThat(money(row.get("balance_before"))).as(accNo).isEqualTo(e.balanceBefore());
            assertThat(money(row.get("balance_after"))).as(accNo).isEqualTo(e.balanceAfter());
            assertThat(money(row.get("overdue_before"))).as(accNo).isEqualTo(e.overdueBefore());
            assertThat(money(row.get("overdue_after"))).as(accNo).isEqualTo(e.overdueAfter());
            Object debtorId = row.get("debtor_id");
            if (e.movement().equals("cleared")) {
                assertThat(debtorId).as(accNo).isNull();
            } else {
                assertThat(((Number) debtorId).longValue()).as(accNo).isEqualTo(ids.get(accNo));
            }
        }
        assertThat(accounts.stream().map(r -> (String) r.get("acc_no")).toList())
                .containsExactlyElementsOf(expected.entrySet().stream()
                        .sorted(Comparator.comparing((Map.Entry<String, Expected> x) ->
                                        x.getValue().change())
                                .reversed()
                                .thenComparing(Map.Entry::getKey))
                        .map(Map.Entry::getKey)
                        .toList());
        // names come from the later report, else the earlier one; control accounts never appear
        assertThat(accounts).noneMatch(r -> ((String) r.get("acc_no")).startsWith("9900"));
    }

    @Test
    void theSummaryAddsUpTheAccountsAndTheReportsTotals() {
        Map<String, Expected> expected = expected();
        JsonPath answer = movement(Map.of());
        assertThat(answer.getInt("summary.new.count")).isEqualTo(count(expected, "new"));
        assertThat(money(answer.get("summary.new.balance"))).isEqualTo(sum(expected, "new", Expected::balanceAfter));
        assertThat(answer.getInt("summary.cleared.count")).isEqualTo(count(expected, "cleared"));
        assertThat(money(answer.get("summary.cleared.balance")))
                .isEqualTo(sum(expected, "cleared", Expected::balanceBefore));
        assertThat(answer.getInt("summary.paid_down.count")).isEqualTo(count(expected, "paid_down"));
        assertThat(money(answer.get("summary.paid_down.amount")))
                .isEqualTo(sum(expected, "paid_down", Expected::change));
        assertThat(answer.getInt("summary.increased.count")).isEqualTo(count(expected, "increased"));
        assertThat(money(answer.get("summary.increased.amount")))
                .isEqualTo(sum(expected, "increased", Expected::change));
        assertThat(answer.getInt("summary.aged.count")).isEqualTo(count(expected, "aged"));
        assertThat(money(answer.get("summary.aged.amount"))).isEqualTo(sum(expected, "aged", Expected::balanceAfter));
        assertThat(answer.getInt("summary.unchanged.count")).isEqualTo(count(expected, "unchanged"));
        BigDecimal outstandingBefore = before.stream()
                .filter(a -> !a.isMedicalAidControl())
                .map(a -> a.amounts().balance())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal outstandingAfter = after.stream()
                .filter(a -> !a.isMedicalAidControl())
                .map(a -> a.amounts().balance())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(money(answer.get("summary.outstanding_before"))).isEqualTo(outstandingBefore.setScale(2));
        assertThat(money(answer.get("summary.outstanding_after"))).isEqualTo(outstandingAfter.setScale(2));
        assertThat(answer.getList("accounts")).hasSize(100); // per_page default
        assertThat(answer.getInt("pages")).isEqualTo((expected.size() + 99) / 100);
    }

    private static int count(Map<String, Expected> expected, String movement) {
        return (int) expected.values().stream()
                .filter(e -> e.movement().equals(movement))
                .count();
    }

    private static BigDecimal sum(
            Map<String, Expected> expected, String movement, java.util.function.Function<Expected, BigDecimal> f) {
        return expected.values().stream()
                .filter(e -> e.movement().equals(movement))
                .map(f)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
    }

    @Test
    void filtersPagesAndExplicitPairs() {
        Map<String, Expected> expected = expected();
        JsonPath filtered = movement(Map.of("movement", "paid_down,aged", "per_page", 1000));
        assertThat(filtered.getList("accounts.movement", String.class)).containsOnly("paid_down", "aged");
        assertThat(filtered.getLong("total")).isEqualTo(count(expected, "paid_down") + count(expected, "aged"));

        DebtorReportChunk.Account someone = after.get(after.size() - 1); // a new account: N + its number
        JsonPath searched = movement(Map.of("search", someone.accNo().toLowerCase()));
        assertThat(searched.getList("accounts.acc_no", String.class)).containsExactly(someone.accNo());

        JsonPath page2 = movement(Map.of("page", 2, "per_page", 50));
        JsonPath all = movement(Map.of("per_page", 1000));
        assertThat(page2.getList("accounts.acc_no", String.class))
                .containsExactlyElementsOf(
                        all.getList("accounts.acc_no", String.class).subList(50, 100));

        // the same pair named explicitly answers the same; the reverse pair is computed per request
        JsonPath explicit = movement(Map.of("from_report", october, "to_report", november, "per_page", 1000));
        assertThat(explicit.getList("accounts")).isEqualTo(all.getList("accounts"));
        JsonPath reverse = movement(Map.of("from_report", november, "to_report", october, "per_page", 1000));
        assertThat(reverse.getInt("summary.new.count")).isEqualTo(count(expected, "cleared"));
        assertThat(reverse.getInt("summary.cleared.count")).isEqualTo(count(expected, "new"));
        assertThat(reverse.getInt("summary.paid_down.count")).isEqualTo(count(expected, "increased"));
        assertThat(reverse.getLong("total")).isEqualTo(expected.size());

        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .queryParam("movement", "vanished")
                .get("/pharmacies/{p}/debtors/movement", pharmacyId)
                .then()
                .statusCode(422);
        long other = Fixtures.pharmacy("Someone Else");
        long othersReport = CollectionsFixtures.report(
                other, List.of(CollectionsFixtures.account("1", "X, Y", null, null, "10")), LocalDate.of(2026, 11, 1));
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .queryParam("to_report", othersReport)
                .get("/pharmacies/{p}/debtors/movement", pharmacyId)
                .then()
                .statusCode(404);
        // a pharmacy with a single report has nothing to compare
        given().auth()
                .oauth2(TestTokens.pharmacyReader(other))
                .get("/pharmacies/{p}/debtors/movement", other)
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(TestTokens.pharmacyReader(other))
                .get("/pharmacies/{p}/debtors/movement", pharmacyId)
                .then()
                .statusCode(403);
    }

    @Test
    void theMovementEventCarriesTheSummaryAndNoPersonalData() throws Exception {
        Map<String, Expected> expected = expected();
        Fixtures.awaitRelayed("\"to_report_id\":" + november);
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_REPORT_STATUS)) {
            List<TopicReader.Record> events = reader.await(
                    1,
                    r -> EventCatalog.REPORT_MOVEMENT.type().equals(r.ceType())
                            && r.value().contains("\"to_report_id\":" + november),
                    Duration.ofSeconds(30));
            assertThat(events).hasSize(1);
            TopicReader.Record event = events.get(0);
            assertThat(event.key()).isEqualTo(Long.toString(pharmacyId));
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.get("from_report_id").asLong()).isEqualTo(october);
            assertThat(data.get("to_report_date").asText()).isEqualTo("2026-11-30");
            assertThat(data.at("/summary/paid_down/count").asInt()).isEqualTo(count(expected, "paid_down"));
            assertThat(new BigDecimal(data.at("/summary/new/balance").asText()))
                    .isEqualTo(sum(expected, "new", Expected::balanceAfter));
            // the event's text without its timestamp (the digits of computed_at's nanoseconds once matched an acc_no)
            String text = ((com.fasterxml.jackson.databind.node.ObjectNode) data.deepCopy())
                    .without("computed_at")
                    .toString();
            for (DebtorReportChunk.Account a : after) {
                assertThat(text).doesNotContain(a.accNo()).doesNotContain(a.name());
                if (a.email() != null) {
                    assertThat(text).doesNotContain(a.email());
                }
            }
        }
        // one movement event per report that has a predecessor: none for the first
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND aggregate_key = ?",
                        EventCatalog.REPORT_MOVEMENT.type(),
                        Long.toString(pharmacyId)))
                .isEqualTo(1);
    }

    @Test
    void theStatisticsHistoryHasOneEntryPerCompletedReportOldestFirst() {
        JsonPath history = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/statistics/history", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(EXACT);
        assertThat(history.getList("report_id", Long.class)).containsExactly(october, november);
        assertThat(history.getString("[0].report_date")).isEqualTo("2026-10-31");
        int ordinary =
                (int) after.stream().filter(a -> !a.isMedicalAidControl()).count();
        assertThat(history.getInt("[1].total_accounts")).isEqualTo(ordinary);
        BigDecimal d60 = after.stream()
                .filter(a -> !a.isMedicalAidControl())
                .map(a -> a.amounts().d60())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(money(history.get("[1].d60"))).isEqualTo(d60.setScale(2));
        JsonPath current = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/statistics", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(EXACT);
        assertThat(money(history.get("[1].total_outstanding"))).isEqualTo(money(current.get("total_outstanding")));

        JsonPath november = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .queryParam("from", "2026-11-01")
                .get("/pharmacies/{p}/debtors/statistics/history", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(november.getList("report_id", Long.class)).containsExactly(MovementTest.november);
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .queryParam("to", "30-11-2026")
                .get("/pharmacies/{p}/debtors/statistics/history", pharmacyId)
                .then()
                .statusCode(422);
        assertThat(Objects.requireNonNull(history.getList("uploaded_at"))).hasSize(2);
    }
}
