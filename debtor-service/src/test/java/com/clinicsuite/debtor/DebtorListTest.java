package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every list filter and the statistics, checked against the ground truth of tlc_medium (311 accounts). */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class DebtorListTest {

    private static final GroundTruth TRUTH = GroundTruth.load("tlc_medium");
    private static long pharmacyId;

    private static synchronized long pharmacy() {
        if (pharmacyId == 0) {
            pharmacyId = Fixtures.pharmacy("TLC DEMO PHARMACY");
            Fixtures.report(pharmacyId, TRUTH.accounts(), 100);
        }
        return pharmacyId;
    }

    private static JsonPath list(Map<String, ?> query) {
        return given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy()))
                .queryParams(query)
                .get("/pharmacies/{p}/debtors", pharmacy())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Acc_nos the ground truth selects, in the list's order (balance descending, then acc_no). */
    private static List<String> expected(Predicate<DebtorReportChunk.Account> filter) {
        return TRUTH.accounts().stream()
                .filter(filter)
                .sorted(Comparator.comparing(
                                (DebtorReportChunk.Account a) -> a.amounts().balance())
                        .reversed()
                        .thenComparing(DebtorReportChunk.Account::accNo))
                .map(DebtorReportChunk.Account::accNo)
                .toList();
    }

    private static void assertSelects(Map<String, ?> query, Predicate<DebtorReportChunk.Account> filter) {
        List<String> expected = expected(filter);
        JsonPath page = list(withPerPage(query));
        assertThat(page.getInt("total")).as("total for %s", query).isEqualTo(expected.size());
        assertThat(page.getList("debtors.acc_no", String.class))
                .as("rows for %s", query)
                .isEqualTo(expected);
    }

    private static Map<String, Object> withPerPage(Map<String, ?> query) {
        Map<String, Object> all = new java.util.HashMap<>(query);
        all.put("per_page", 1000);
        return all;
    }

    private static final Predicate<DebtorReportChunk.Account> ORDINARY = a -> !a.isMedicalAidControl();

    @Test
    void defaultListHasOrdinaryAccountsByBalanceDescending() {
        assertSelects(Map.of(), ORDINARY);
        JsonPath first = list(Map.of());
        assertThat(first.getInt("page")).isEqualTo(1);
        assertThat(first.getInt("per_page")).isEqualTo(100);
        assertThat(first.getInt("pages")).isEqualTo(4);
        assertThat(first.getList("debtors")).hasSize(100);
    }

    @Test
    void excludeMedicalAidFalseIncludesControlAccounts() {
        assertSelects(Map.of("exclude_medical_aid", "false"), a -> true);
        assertThat(TRUTH.accounts().stream().filter(DebtorReportChunk.Account::isMedicalAidControl))
                .hasSize(2);
    }

    @Test
    void minBalanceIsStrictlyGreaterThanTheArrears() {
        BigDecimal threshold = TRUTH.ordinary().stream()
                .map(GroundTruth::arrears)
                .filter(v -> v.signum() > 0)
                .sorted()
                .toList()
                .get(40);
        assertSelects(
                Map.of("min_balance", threshold.toPlainString()),
                ORDINARY.and(a -> GroundTruth.arrears(a).compareTo(threshold) > 0));
        assertThat(expected(ORDINARY.and(a -> GroundTruth.arrears(a).compareTo(threshold) == 0)))
                .as("an account sits exactly on the threshold and is left out")
                .isNotEmpty();
        assertSelects(
                Map.of("min_balance", "0"),
                ORDINARY.and(a -> GroundTruth.arrears(a).signum() > 0));
    }

    @Test
    void ageingBucketsKeepDebtorsWithAnAmountInAnyOfThem() {
        assertSelects(
                Map.of("ageing_buckets", "d120,d180"),
                ORDINARY.and(a ->
                        a.amounts().d120().signum() != 0 || a.amounts().d180().signum() != 0));
        assertSelects(
                Map.of("ageing_buckets", "d30"),
                ORDINARY.and(a -> a.amounts().d30().signum() != 0));
    }

    @Test
    void hasEmailAndHasPhoneFilterBothWays() {
        assertSelects(Map.of("has_email", "true"), ORDINARY.and(a -> a.email() != null));
        assertSelects(Map.of("has_email", "false"), ORDINARY.and(a -> a.email() == null));
        assertSelects(Map.of("has_phone", "true"), ORDINARY.and(a -> a.phone() != null));
        assertSelects(Map.of("has_phone", "false"), ORDINARY.and(a -> a.phone() == null));
        assertThat(expected(ORDINARY.and(a -> a.email() == null))).isNotEmpty();
        assertThat(expected(ORDINARY.and(a -> a.phone() == null))).isNotEmpty();
    }

    @Test
    void searchIsCaseInsensitiveAcrossAccountNameEmailAndPhone() {
        DebtorReportChunk.Account sample = TRUTH.ordinary().stream()
                .filter(a -> a.email() != null && a.phone() != null && a.name().length() > 6)
                .findFirst()
                .orElseThrow();
        String namePart = sample.name().substring(1, 6).trim().toLowerCase(Locale.ROOT);
        String emailPart =
                sample.email().substring(0, sample.email().indexOf('@')).toUpperCase(Locale.ROOT);
        String phonePart = sample.phone().substring(3, 9);
        for (String term : List.of(namePart, emailPart, phonePart, sample.accNo())) {
            String lower = term.toLowerCase(Locale.ROOT);
            assertSelects(
                    Map.of("search", term),
                    ORDINARY.and(a -> contains(a.accNo(), lower)
                            || contains(a.name(), lower)
                            || contains(a.email(), lower)
                            || contains(a.phone(), lower)));
        }
        assertSelects(Map.of("search", "%"), a -> false);
    }

    private static boolean contains(String field, String lowerTerm) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerTerm);
    }

    @Test
    void filtersCombine() {
        assertSelects(
                Map.of("min_balance", "100", "has_email", "true", "ageing_buckets", "d60,d90"),
                ORDINARY.and(a -> GroundTruth.arrears(a).compareTo(new BigDecimal("100")) > 0)
                        .and(a -> a.email() != null)
                        .and(a -> a.amounts().d60().signum() != 0
                                || a.amounts().d90().signum() != 0));
    }

    @Test
    void pagesSliceTheOrderedList() {
        List<String> all = expected(ORDINARY);
        JsonPath page3 = list(Map.of("page", 3, "per_page", 40));
        assertThat(page3.getList("debtors.acc_no", String.class)).isEqualTo(all.subList(80, 120));
        assertThat(page3.getInt("pages")).isEqualTo((all.size() + 39) / 40);
        JsonPath last = list(Map.of("page", 1000, "per_page", 40));
        assertThat(last.getList("debtors")).isEmpty();
        assertThat(last.getInt("total")).isEqualTo(all.size());
        assertThat(list(Map.of("per_page", 1)).getList("debtors")).hasSize(1);
    }

    @Test
    void aDebtorCarriesTheReportsFields() {
        DebtorReportChunk.Account sample = TRUTH.ordinary().stream()
                .filter(a -> a.email() != null && a.lastPaymentDate() != null)
                .findFirst()
                .orElseThrow();
        JsonPath page = list(Map.of("search", sample.accNo()));
        Map<String, Object> d = page.getMap("debtors[0]");
        assertThat(d.get("acc_no")).isEqualTo(sample.accNo());
        assertThat(d.get("name")).isEqualTo(sample.name());
        Function<String, BigDecimal> money = f -> new BigDecimal(d.get(f).toString());
        assertThat(money.apply("current")).isEqualByComparingTo(sample.amounts().current());
        assertThat(money.apply("d30")).isEqualByComparingTo(sample.amounts().d30());
        assertThat(money.apply("d180")).isEqualByComparingTo(sample.amounts().d180());
        assertThat(money.apply("balance")).isEqualByComparingTo(sample.amounts().balance());
        assertThat(money.apply("last_payment_amount")).isEqualByComparingTo(sample.lastPaymentAmount());
        assertThat(d.get("last_payment_date"))
                .isEqualTo(sample.lastPaymentDate().toString());
        assertThat(d.get("email")).isEqualTo(sample.email());
        assertThat(d.get("phone")).isEqualTo(sample.phone());
        assertThat(d.get("is_medical_aid_control")).isEqualTo(false);
        assertThat(d.get("pharmacy_id")).isEqualTo((int) pharmacy());
        assertThat(d).containsKeys("id", "report_id", "created_at", "updated_at", "credit_limit");
    }

    @Test
    void statisticsAreTheSumsOfTheOrdinaryAccounts() {
        JsonPath stats = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy()))
                .get("/pharmacies/{p}/debtors/statistics", pharmacy())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                // money exactly: JsonPath reads JSON numbers as float by default, which loses cents above 65,536
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        List<DebtorReportChunk.Account> ordinary = TRUTH.ordinary();
        assertThat(stats.getInt("total_accounts")).isEqualTo(ordinary.size());
        Map<String, Function<DebtorReportChunk.Amounts, BigDecimal>> columns = Map.of(
                "total_outstanding",
                DebtorReportChunk.Amounts::balance,
                "current",
                DebtorReportChunk.Amounts::current,
                "d30",
                DebtorReportChunk.Amounts::d30,
                "d60",
                DebtorReportChunk.Amounts::d60,
                "d90",
                DebtorReportChunk.Amounts::d90,
                "d120",
                DebtorReportChunk.Amounts::d120,
                "d150",
                DebtorReportChunk.Amounts::d150,
                "d180",
                DebtorReportChunk.Amounts::d180);
        columns.forEach((field, column) -> assertThat(new BigDecimal(stats.getString(field)))
                .as(field)
                .isEqualByComparingTo(ordinary.stream()
                        .map(a -> column.apply(a.amounts()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    @Test
    void statisticsOfAPharmacyWithoutReportsAreZero() {
        long empty = Fixtures.pharmacy("Empty Pharmacy");
        given().auth()
                .oauth2(TestTokens.pharmacyReader(empty))
                .get("/pharmacies/{p}/debtors/statistics", empty)
                .then()
                .statusCode(200)
                .body("total_accounts", equalTo(0))
                .body("d180", equalTo(0.0f));
        given().auth()
                .oauth2(TestTokens.pharmacyReader(empty))
                .get("/pharmacies/{p}/debtors", empty)
                .then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("pages", equalTo(0));
    }

    /**
     * The total and the pages are cached per (pharmacy, current report, filter): a new report must change both at
     * once, a failed one neither. (Debtor rows change only through reports: the API has no endpoint that edits one.)
     */
    @Test
    void theTotalAndThePagesFollowEveryAppliedReport() {
        long pharmacyId = Fixtures.pharmacy("Totals Pharmacy");
        List<DebtorReportChunk.Account> first = TRUTH.accounts();
        Fixtures.report(pharmacyId, first, 100);
        Map<String, Object> query = Map.of("has_email", "true", "min_balance", "0", "per_page", "10");
        Predicate<DebtorReportChunk.Account> selected = ORDINARY.and(a -> a.email() != null)
                .and(a -> GroundTruth.arrears(a).signum() > 0);
        List<String> before = ordered(first, selected);
        assertThat(before.size()).isGreaterThan(15);
        double totalHits = cacheHits("debtor-list-totals");
        double pageHits = cacheHits("debtor-list-pages");
        assertFirstPage(pharmacyId, query, before);
        assertFirstPage(pharmacyId, query, before);
        assertThat(cacheHits("debtor-list-totals"))
                .as("total answered from the cache")
                .isGreaterThan(totalHits);
        assertThat(cacheHits("debtor-list-pages"))
                .as("page answered from the cache")
                .isGreaterThan(pageHits);

        // the next report drops the five largest selected accounts, changes one and adds three
        List<DebtorReportChunk.Account> second = new java.util.ArrayList<>(first);
        second.removeIf(a -> before.subList(0, 5).contains(a.accNo()));
        DebtorReportChunk.Account sixth = second.stream()
                .filter(a -> a.accNo().equals(before.get(5)))
                .findFirst()
                .orElseThrow();
        second.set(second.indexOf(sixth), Fixtures.account(sixth.accNo(), sixth.name(), "0.01", sixth.email(), null));
        for (int i = 1; i <= 3; i++) {
            second.add(Fixtures.account(
                    "NEW" + i, "NEW ACCOUNT " + i, "999999" + i + ".00", "new" + i + "@example.com", null));
        }
        assertThat(Fixtures.awaitFinished(Fixtures.report(pharmacyId, second, 100)))
                .isEqualTo("completed");
        List<String> after = ordered(second, selected);
        assertThat(after).hasSize(before.size() - 5 + 3).startsWith("NEW3", "NEW2", "NEW1");
        assertFirstPage(pharmacyId, query, after);
        assertThat(list(pharmacyId, Map.of("has_email", "true", "min_balance", "0", "per_page", "10", "page", "2"))
                        .getList("debtors.acc_no", String.class))
                .isEqualTo(after.subList(10, Math.min(20, after.size())));

        // a report that fails (an account twice) leaves the set, and so the list, as it was
        List<DebtorReportChunk.Account> duplicated = new java.util.ArrayList<>(first);
        duplicated.add(first.get(0));
        assertThat(Fixtures.awaitFinished(Fixtures.report(pharmacyId, duplicated, 100)))
                .isEqualTo("failed");
        assertFirstPage(pharmacyId, query, after);
    }

    /** Acc_nos of these accounts the filter selects, in the list's order. */
    private static List<String> ordered(
            List<DebtorReportChunk.Account> accounts, Predicate<DebtorReportChunk.Account> filter) {
        return accounts.stream()
                .filter(filter)
                .sorted(Comparator.comparing(
                                (DebtorReportChunk.Account a) -> a.amounts().balance())
                        .reversed()
                        .thenComparing(DebtorReportChunk.Account::accNo))
                .map(DebtorReportChunk.Account::accNo)
                .toList();
    }

    private static void assertFirstPage(long pharmacyId, Map<String, ?> query, List<String> expected) {
        JsonPath page = list(pharmacyId, query);
        assertThat(page.getLong("total")).isEqualTo(expected.size());
        assertThat(page.getLong("pages")).isEqualTo((expected.size() + 9) / 10);
        assertThat(page.getList("debtors.acc_no", String.class)).isEqualTo(expected.subList(0, 10));
    }

    private static JsonPath list(long pharmacyId, Map<String, ?> query) {
        return given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .queryParams(query)
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Hits of one of the list's caches so far, from the service's Prometheus metrics. */
    private static double cacheHits(String cache) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("cache_gets_total")
                        && l.contains("cache=\"" + cache + "\"")
                        && l.contains("result=\"hit\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @ParameterizedTest
    @CsvSource({
        "ageing_buckets, d45", "ageing_buckets, 'd60,x'", "per_page, 0", "per_page, 1001", "page, 0",
        "page, abc", "per_page, 1.5", "min_balance, abc", "has_email, maybe", "has_phone, 2",
        "exclude_medical_aid, nope"
    })
    void invalidParametersAnswer422(String parameter, String value) {
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacy()))
                .queryParam(parameter, value)
                .get("/pharmacies/{p}/debtors", pharmacy())
                .then()
                .statusCode(422)
                .body("detail", containsString(parameter));
    }
}
