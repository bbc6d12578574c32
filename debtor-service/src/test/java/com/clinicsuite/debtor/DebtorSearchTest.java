package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.debtor.service.DebtorListCache;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The list's search= at scale (issue 23, migration V9): the trigram index over search_text answers exactly what the
 * contract says (a case-insensitive substring of acc_no, name, e-mail or phone), whichever way a page is read: few
 * matches from the index and sorted (and kept, when few enough, for every page to be read by id), many by walking the
 * list's order (DebtorRepository#page), terms without a trigram by the walk only.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class DebtorSearchTest {

    /** 400 accounts: every second one a NKOSI (many matches), one ZWANE (one match), e-mails on every third. */
    private static final List<DebtorReportChunk.Account> ACCOUNTS = accounts();

    private static long pharmacyId;

    @Inject
    @CacheName(DebtorListCache.SEARCH_MATCHES)
    Cache searchMatches;

    private static List<DebtorReportChunk.Account> accounts() {
        List<DebtorReportChunk.Account> accounts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String name = i == 123 ? "MNR ZWANE" : (i % 2 == 0 ? "MNR NKOSI " : "MEV DU PLESSIS ") + i;
            String email = i == 123 ? "zulu" + i + "@example.co.za" : i % 3 == 0 ? "debtor" + i + "@example.com" : null;
            String phone = i % 4 == 0 ? null : "082 " + String.format("%03d %04d", i % 1000, 4000 + i);
            // balances repeat, so the acc_no tie-break decides the order too
            String amount = new BigDecimal(100 + (i * 37) % 90).setScale(2).toPlainString();
            accounts.add(Fixtures.account(String.format("A%05d", i), name, amount, email, phone));
        }
        return accounts;
    }

    private static synchronized long pharmacy() {
        if (pharmacyId == 0) {
            pharmacyId = Fixtures.pharmacy("Search Pharmacy");
            assertThat(Fixtures.awaitFinished(Fixtures.report(pharmacyId, ACCOUNTS, 200)))
                    .isEqualTo("completed");
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

    /** The accounts containing the term in acc_no, name, e-mail or phone (any case), in the list's order. */
    private static List<String> expected(String term) {
        String lower = term.toLowerCase(Locale.ROOT);
        Predicate<String> has =
                field -> field != null && field.toLowerCase(Locale.ROOT).contains(lower);
        return ACCOUNTS.stream()
                .filter(a -> has.test(a.accNo()) || has.test(a.name()) || has.test(a.email()) || has.test(a.phone()))
                .sorted(Comparator.comparing(
                                (DebtorReportChunk.Account a) -> a.amounts().balance())
                        .reversed()
                        .thenComparing(DebtorReportChunk.Account::accNo))
                .map(DebtorReportChunk.Account::accNo)
                .toList();
    }

    /** Every page of 10 and the whole list in one page give exactly the expected accounts, in order. */
    private static void assertSearch(String term) {
        List<String> expected = expected(term);
        JsonPath whole = list(Map.of("search", term, "per_page", 1000));
        assertThat(whole.getLong("total")).as("total of %s", term).isEqualTo(expected.size());
        assertThat(whole.getList("debtors.acc_no", String.class))
                .as("all of %s", term)
                .isEqualTo(expected);
        for (int page = 1; page <= Math.min(3, (expected.size() + 9) / 10); page++) {
            JsonPath slice = list(Map.of("search", term, "per_page", 10, "page", page));
            assertThat(slice.getLong("total")).isEqualTo(expected.size());
            assertThat(slice.getList("debtors.acc_no", String.class))
                    .as("page %d of %s", page, term)
                    .isEqualTo(expected.subList((page - 1) * 10, Math.min(expected.size(), page * 10)));
        }
    }

    @Test
    void frequentTermsAreReadByTheWalkAndGiveTheExactPages() {
        // 200 NKOSI of 400 accounts: 200^2 > 10 x 400, so pages of 10 walk the list's order
        assertThat(expected("nkosi")).hasSize(200);
        assertSearch("nkosi");
        assertSearch("NKOSI 1");
        assertSearch("example.com");
    }

    @Test
    void rareTermsAreReadFromTheIndexAndGiveTheExactPages() {
        assertThat(expected("zwane")).hasSize(1);
        assertSearch("zwane");
        assertSearch("Zulu123@");
        assertSearch("a00123");
        assertSearch("082 123");
        assertSearch("plessis 39");
    }

    @Test
    void aSearchOfFewMatchesKeepsThemInOrderAndReadsEveryPageById() {
        // 56 matches (PLESSIS 3, 31-39, 301-399): at most debtor.list.search-matches-kept (100 in tests), so the
        // matches are read once and kept; 200 NKOSI are more, so their pages are read one by one
        assertThat(expected("plessis 3")).hasSize(56);
        assertSearch("plessis 3");
        assertSearch("nkosi");
        assertThat(keptSearches()).contains("plessis 3").doesNotContain("nkosi");
    }

    /** The search terms whose matches the list keeps. */
    private List<String> keptSearches() {
        return searchMatches.as(CaffeineCache.class).keySet().stream()
                .map(key -> ((DebtorListCache.Selection) key).filter().search())
                .toList();
    }

    @Test
    void termsWithoutATrigramStillSearchEveryField() {
        assertSearch("9");
        assertSearch("@e");
        assertSearch("s 1"); // (the service trims terms: " 1" would be "1")
        assertSearch("%");
        assertSearch("_");
    }

    @Test
    void aTermNeverMatchesAcrossTwoFields() {
        // "zwane" ends the name and "zulu" starts the e-mail of the same account: search_text holds them joined by
        // a separator no term can hold, so the joined text is not a match
        assertThat(expected("zwanezulu")).isEmpty();
        assertSearch("zwanezulu");
        assertSearch("zwane zulu");
        assertSearch("a00123mnr");
    }

    @Test
    void phoneDigitsMatchTheNumberWrittenWithoutSpaces() {
        // the phone is stored as written ("082 123 4123"); its digits as phone_digits, which search also matches
        JsonPath page = list(Map.of("search", "0821234123", "per_page", 1000));
        assertThat(page.getList("debtors.acc_no", String.class)).containsExactly("A00123");
    }

    @Test
    void theTrigramIndexServesTheSearchOfOnePharmacy() throws SQLException {
        long pharmacy = pharmacy();
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                Statement s = c.createStatement()) {
            // On a table this small the planner rightly prefers the pharmacy's B-tree indexes, so they are dropped
            // for one rolled-back transaction (DDL is transactional in PostgreSQL): what is asserted is that the
            // trigram index can answer the statement's shape at all (pharmacy and search_text LIKE: the count's and
            // the index form's where clause).
            c.setAutoCommit(false);
            s.execute("DROP INDEX debtor_by_balance, debtor_by_arrears");
            s.execute("ALTER TABLE debtor DROP CONSTRAINT debtor_account");
            s.execute("SET LOCAL enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            // a bigint, as the service binds it: btree_gin's pharmacy_id column has no integer = bigint operator
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT count(*) FROM debtor WHERE pharmacy_id = CAST("
                    + pharmacy + " AS bigint) AND search_text LIKE '%zwane%' ESCAPE '\\'")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            assertThat(plan.toString()).contains("debtor_search");
            try (ResultSet rs = s.executeQuery(
                    "SELECT search_text FROM debtor WHERE pharmacy_id = " + pharmacy + " AND acc_no = 'A00123'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1))
                        .isEqualTo(
                                "a00123\u0001mnr zwane\u0001zulu123@example.co.za\u0001082 123 4123\u00010821234123");
            }
        }
    }
}
