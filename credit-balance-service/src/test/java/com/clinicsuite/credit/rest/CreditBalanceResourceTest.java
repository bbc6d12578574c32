package com.clinicsuite.credit.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.clinicsuite.events.Topics;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class CreditBalanceResourceTest {

    private static final String ADMIN = TestTokens.admin();
    private static final String PB_STAFF = TestTokens.staff("Punjabi Bagh");
    private static final String GK_STAFF = TestTokens.staff("GK2");

    @Test
    void createReadUpdateDeleteWithExactMoneyAndComputedVoucher() throws Exception {
        String code = CreditBalances.uniqueCode("AD0");
        Map<String, Object> body = CreditBalances.body(code, "punjabi bagh", "+91 79853 49490");
        body.put("voucher_number", "IGNORED1"); // never taken from the body
        body.put("package_amount", new BigDecimal("45000.10"));
        long id = CreditBalances.create(ADMIN, body);

        get(ADMIN, "/credit-balances/" + id)
                .statusCode(200)
                .body("client_code", equalTo(code))
                .body("center", equalTo("Punjabi Bagh"))
                .body("phone_no", equalTo("7985349490"))
                .body("voucher_number", equalTo("PBAD05349"))
                .body("package_amount", equalTo(45000.10f))
                .body("balance_sessions", equalTo(1))
                .body("created_at", notNullValue());
        // exact decimals in the database, not floats
        assertThat(sql("select package_amount from credit_balance where id = " + id))
                .isEqualTo("45000.10");

        // moving the record to GK2 with a new phone recomputes the voucher; absent fields keep their values
        put(
                        ADMIN,
                        "/credit-balances/" + id,
                        Map.of("center", "G.K.-II", "phone_no", "098110-12345", "sessions_consumed", 4))
                .statusCode(200)
                .body("center", equalTo("GK2"))
                .body("voucher_number", equalTo("GKAD01012"))
                .body("balance_sessions", equalTo(8))
                .body("client_name", equalTo("Test Client"));

        delete(ADMIN, "/credit-balances/" + id).statusCode(204);
        get(ADMIN, "/credit-balances/" + id).statusCode(404).body("detail", containsString("not found"));
    }

    @Test
    void everyChangeIsPublishedKeyedByClientCode() {
        String code = CreditBalances.uniqueCode("EV1");
        long id = CreditBalances.create(ADMIN, CreditBalances.body(code, "Pitampura", "9811012345"));
        put(ADMIN, "/credit-balances/" + id, Map.of("amount_paid", 20000)).statusCode(200);
        delete(ADMIN, "/credit-balances/" + id).statusCode(204);

        try (TopicReader reader = new TopicReader(Topics.CREDIT_BALANCES)) {
            List<TopicReader.Record> events = reader.await(3, r -> code.equals(r.key()), Events.WAIT);
            assertThat(events)
                    .extracting(TopicReader.Record::ceType)
                    .containsExactly(
                            "credit.balance-created.v1", "credit.balance-updated.v1", "credit.balance-deleted.v1");
            assertThat(events.get(1).value())
                    .contains("\"amount_paid\":\"20000.00\"")
                    .contains("\"changed_by\":\"admin\"")
                    .doesNotContain("Test Client")
                    .doesNotContain("example.com");
        }
    }

    @Test
    void listFiltersAndPagesWithTotalCount() {
        String bucket = "Bucket-" + CreditBalances.uniqueCode("B");
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = CreditBalances.body(
                    CreditBalances.uniqueCode("LS" + i), i < 3 ? "PV" : "PTP", "98110" + (10000 + i));
            body.put("final_bucket", bucket);
            body.put("balance_amount", 1000 * i);
            CreditBalances.create(ADMIN, body);
        }
        given().auth()
                .oauth2(ADMIN)
                .queryParam("final_bucket", bucket.toLowerCase())
                .queryParam("limit", 2)
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "5")
                .body("$", hasSize(2));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("final_bucket", bucket)
                .queryParam("skip", 4)
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "5")
                .body("$", hasSize(1));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("final_bucket", bucket)
                .queryParam("center", "Preet vihar")
                .queryParam("min_balance", "1000")
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "2")
                .body("center", everyItem(equalTo("Preet Vihar")));
        // search looks in the client code (and name, phone, e-mail, voucher), case-insensitively
        String code = CreditBalances.uniqueCode("SRC");
        CreditBalances.create(ADMIN, CreditBalances.body(code, "GK2", "9811099999"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("search", code.toLowerCase())
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "1")
                .body("[0].client_code", equalTo(code));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("search", "GKSRC1099")
                .queryParam("treatment_name", "hair")
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(200)
                .body("voucher_number", hasItem("GKSRC1099"));
    }

    @Test
    void listPagesAnswerEachRecordByteForByteAsGetDoes() {
        // list pages are read as projections, a single record as an entity: the JSON must not differ at all
        String code = CreditBalances.uniqueCode("BY1");
        Map<String, Object> full = CreditBalances.body(code, "Punjabi Bagh", "9811033333");
        full.put("package_amount", new BigDecimal("45000.10"));
        full.put("amount_paid", new BigDecimal("15000.25"));
        full.put("balance_amount", new BigDecimal("29999.85"));
        full.put("prepaid_gift_card_balance", new BigDecimal("120.50"));
        full.put("sessions_paid", 12);
        full.put("sessions_consumed", 5);
        full.put("balance_sessions", 7);
        Map<String, Object> sparse = CreditBalances.body(code, "Punjabi Bagh", null);
        sparse.remove("email_id");
        sparse.remove("final_bucket");
        sparse.put("treatment_name", "Vampire Facial");
        long[] ids = {CreditBalances.create(ADMIN, full), CreditBalances.create(ADMIN, sparse)};

        String[] single = new String[2];
        for (int i = 0; i < 2; i++) {
            single[i] = get(ADMIN, "/credit-balances/" + ids[i])
                    .statusCode(200)
                    .extract()
                    .asString();
        }
        assertThat(single[0])
                .contains(
                        "\"client_code\":\"" + code + "\"",
                        "\"package_amount\":45000.10",
                        "\"amount_paid\":15000.25",
                        "\"balance_amount\":29999.85",
                        "\"prepaid_gift_card_balance\":120.50",
                        "\"sessions_paid\":12",
                        "\"sessions_consumed\":5",
                        "\"balance_sessions\":7",
                        "\"final_bucket\":\"Hair\"",
                        "\"center\":\"Punjabi Bagh\"")
                .doesNotContain("search");
        assertThat(single[1])
                .contains("\"phone_no\":null", "\"email_id\":null", "\"final_bucket\":null", "\"voucher_number\":null");

        String expected = "[" + single[0] + "," + single[1] + "]";
        for (String token : List.of(ADMIN, PB_STAFF)) {
            assertThat(given().auth()
                            .oauth2(token)
                            .queryParam("search", code)
                            .queryParam("center", "PB")
                            .when()
                            .get("/credit-balances/")
                            .then()
                            .statusCode(200)
                            .header("X-Total-Count", "2")
                            .extract()
                            .asString())
                    .isEqualTo(expected);
        }
        // the center lists hold the same objects
        Map<String, Object> first =
                get(ADMIN, "/credit-balances/" + ids[0]).extract().jsonPath().getMap("$");
        for (String path : List.of("/credit-balances/by-center/Punjabi Bagh", "/credit-balances/by-user-center")) {
            List<Map<String, Object>> page = given().auth()
                    .oauth2(PB_STAFF)
                    .queryParam("limit", 1000)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("$");
            assertThat(page).contains(first);
        }
    }

    @Test
    void searchMatchesWithinOneFieldNeverAcrossTwo() {
        // the searched fields are kept joined in one indexed column: a term spanning the end of the client code and
        // the start of the name must not match
        String code = CreditBalances.uniqueCode("XF");
        Map<String, Object> body = CreditBalances.body(code, "GK2", "9811077777");
        body.put("client_name", "Zebulon Quist");
        CreditBalances.create(ADMIN, body);
        String tail = code.substring(code.length() - 3).toLowerCase();
        given().auth()
                .oauth2(ADMIN)
                .queryParam("search", tail + "zeb")
                .queryParam("limit", 1)
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(200)
                .header("X-Total-Count", "0")
                .body("$", hasSize(0));
        // the separator itself cannot be typed in: a control character in a parameter is refused at the edge
        given().auth()
                .oauth2(ADMIN)
                .queryParam("search", tail + "\u001fzeb")
                .queryParam("limit", 1)
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(422)
                .body("code", equalTo("invalid_characters"))
                .body("errors[0].field", equalTo("search"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("search", "ZEBULON q")
                .queryParam("center", "GK2")
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(200)
                .body("client_code", hasItem(code));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("search", "1077777")
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(200)
                .body("client_code", hasItem(code));
    }

    @Test
    void termsTooShortForTheTrigramIndexMatchTheSameWay() {
        // terms without three letters or digits in a row are looked up by position, not LIKE: same rules apply
        String bucket = "Short-" + CreditBalances.uniqueCode("S");
        String code = CreditBalances.uniqueCode("SH");
        Map<String, Object> body = CreditBalances.body(code, "GK2", "9811088888");
        body.put("client_name", "Ng O'Hara");
        body.put("email_id", "a_b%c@x.io");
        body.put("final_bucket", bucket);
        CreditBalances.create(ADMIN, body);
        String codeEnd = code.substring(code.length() - 1).toLowerCase();
        for (String found : List.of("NG", "o'", "_b", "%c", "@x", "Ng O")) {
            assertThat(searchTotal(found, bucket)).as(found).isEqualTo("1");
        }
        // % and _ are literal, and no term matches across two fields (the separator cannot be typed in: 422)
        for (String absent : List.of("_x", "a%", codeEnd + "n", "zq")) {
            assertThat(searchTotal(absent, bucket)).as(absent).isEqualTo("0");
        }
    }

    private static String searchTotal(String term, String bucket) {
        return given().auth()
                .oauth2(ADMIN)
                .queryParam("search", term)
                .queryParam("final_bucket", bucket)
                .queryParam("limit", 1)
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Total-Count");
    }

    @Test
    void theTotalCountFollowsEveryChangeMadeHere() {
        String bucket = "Count-" + CreditBalances.uniqueCode("C");
        long[] ids = new long[3];
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = CreditBalances.body(
                    CreditBalances.uniqueCode("CT" + i), i < 2 ? "GK2" : "PB", "98110" + (20000 + i));
            body.put("final_bucket", bucket);
            ids[i] = CreditBalances.create(ADMIN, body);
            // limit 1: a full page, so the total is counted (and cached until the next change)
            assertTotal(ADMIN, bucket, 0, String.valueOf(i + 1));
            assertTotal(ADMIN, bucket, 0, String.valueOf(i + 1));
        }
        assertTotal(GK_STAFF, bucket, 0, "2"); // staff count within their center
        assertTotal(ADMIN, bucket, 10, "3"); // past the end: an empty page still tells the total

        put(ADMIN, "/credit-balances/" + ids[0], Map.of("final_bucket", "Elsewhere"))
                .statusCode(200);
        assertTotal(ADMIN, bucket, 0, "2");
        assertTotal(GK_STAFF, bucket, 0, "1");
        delete(ADMIN, "/credit-balances/" + ids[2]).statusCode(204);
        assertTotal(ADMIN, bucket, 0, "1");
        delete(ADMIN, "/credit-balances/" + ids[1]).statusCode(204);
        assertTotal(ADMIN, bucket, 0, "0");
    }

    @Test
    void theTotalCountFollowsChangesMadeElsewhereAtOnce() throws Exception {
        // another replica, an import or an operator's SQL: no cache here is told, yet the count is exact at once,
        // because it is cached under the change version of its center, which the change moved in the database
        String bucket = "Elsewhere-" + CreditBalances.uniqueCode("E");
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = CreditBalances.body(CreditBalances.uniqueCode("EW" + i), "GK2", null);
            body.put("final_bucket", bucket);
            CreditBalances.create(ADMIN, body);
        }
        assertTotal(ADMIN, bucket, 0, "2");
        assertTotal(GK_STAFF, bucket, 0, "2");
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            c.createStatement()
                    .executeUpdate("insert into credit_balance (client_code, client_name, treatment_name, center, "
                            + "final_bucket, created_at, updated_at) values ('ELSEWHERE', 'Added By SQL', 'Botox', "
                            + "'GK2', '" + bucket + "', now(), now())");
        }
        assertTotal(ADMIN, bucket, 0, "3");
        assertTotal(GK_STAFF, bucket, 0, "3");
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            c.createStatement()
                    .executeUpdate("update credit_balance set center = 'Pitampura' where final_bucket = '" + bucket
                            + "' and client_code = 'ELSEWHERE'");
        }
        assertTotal(ADMIN, bucket, 0, "3");
        assertTotal(GK_STAFF, bucket, 0, "2"); // moved out of GK2: GK2's version moved too
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            c.createStatement().executeUpdate("delete from credit_balance where final_bucket = '" + bucket + "'");
        }
        assertTotal(ADMIN, bucket, 0, "0");
        assertTotal(GK_STAFF, bucket, 0, "0");
    }

    private static void assertTotal(String token, String bucket, int skip, String expected) {
        given().auth()
                .oauth2(token)
                .queryParam("final_bucket", bucket)
                .queryParam("skip", skip)
                .queryParam("limit", 1)
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(200)
                .header("X-Total-Count", expected);
    }

    @Test
    void badParameterValuesAreClientErrors() {
        given().auth()
                .oauth2(ADMIN)
                .queryParam("limit", 5000)
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(422)
                .body("detail", containsString("limit"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("min_balance", "lots")
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(422)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("min_balance"))
                .body("detail", containsString("min_balance"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("center", "Noida")
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("center"))
                .body("detail", containsString("GK2"));
    }

    @Test
    void byCenterAcceptsUsualSpellings() {
        String code = CreditBalances.uniqueCode("BC1");
        CreditBalances.create(ADMIN, CreditBalances.body(code, "GK2", "9811012345"));
        for (String spelling : List.of("GK2", "gk-2", "G.K.-II", "Greater Kailash 2")) {
            given().auth()
                    .oauth2(ADMIN)
                    .queryParam("limit", 1000)
                    .when()
                    .get("/credit-balances/by-center/" + spelling)
                    .then()
                    .statusCode(200)
                    .body("center", everyItem(equalTo("GK2")))
                    .body("client_code", hasItem(code))
                    .header("X-Total-Count", notNullValue());
        }
        get(ADMIN, "/credit-balances/by-center/Noida").statusCode(404).body("detail", containsString("Noida"));
    }

    @Test
    void byUserCenterServesTheCallersCenterOr400() {
        String code = CreditBalances.uniqueCode("UC1");
        CreditBalances.create(ADMIN, CreditBalances.body(code, "Punjabi Bagh", "9811012345"));
        given().auth()
                .oauth2(PB_STAFF)
                .queryParam("limit", 1000)
                .when()
                .get("/credit-balances/by-user-center")
                .then()
                .statusCode(200)
                .body("center", everyItem(equalTo("Punjabi Bagh")))
                .body("client_code", hasItem(code));
        get(ADMIN, "/credit-balances/by-user-center").statusCode(400).body("detail", containsString("center"));
    }

    @Test
    void byVoucherFindsEveryTreatmentOfTheClientOr404() {
        String code = CreditBalances.uniqueCode("VC");
        Map<String, Object> first = CreditBalances.body(code, "Preet Vihar", "7985349490");
        Map<String, Object> second = CreditBalances.body(code, "Preet Vihar", "7985349490");
        second.put("treatment_name", "Laser Hair Reduction");
        CreditBalances.create(ADMIN, first);
        CreditBalances.create(ADMIN, second);
        String voucher = "PV" + code.substring(0, 3) + "5349";

        post(ADMIN, "/credit-balances/by-voucher", Map.of("voucher_number", voucher.toLowerCase()))
                .statusCode(200)
                .body("$", hasSize(2))
                .body("treatment_name", hasItems("PRP Hair Restoration", "Laser Hair Reduction"));
        post(ADMIN, "/credit-balances/by-voucher", Map.of("voucher_number", "ZZZ00000"))
                .statusCode(404)
                .body("detail", equalTo("No credit balance has this voucher number"));
        post(ADMIN, "/credit-balances/by-voucher", Map.of())
                .statusCode(422)
                .body("errors.field", hasItem("voucher_number"));
    }

    @Test
    void staffSeeAndChangeOnlyTheirCenter() {
        long pb = CreditBalances.create(
                ADMIN, CreditBalances.body(CreditBalances.uniqueCode("SC1"), "Punjabi Bagh", "9811012345"));
        long gk = CreditBalances.create(
                ADMIN, CreditBalances.body(CreditBalances.uniqueCode("SC2"), "GK2", "9811012345"));

        get(PB_STAFF, "/credit-balances/" + pb).statusCode(200);
        get(PB_STAFF, "/credit-balances/" + gk).statusCode(403).body("detail", containsString("Punjabi Bagh"));
        put(PB_STAFF, "/credit-balances/" + gk, Map.of("amount_paid", 1)).statusCode(403);
        delete(PB_STAFF, "/credit-balances/" + gk).statusCode(403);
        // nor move their own record elsewhere, nor create one elsewhere
        put(PB_STAFF, "/credit-balances/" + pb, Map.of("center", "GK2")).statusCode(403);
        post(PB_STAFF, "/credit-balances/", CreditBalances.body(CreditBalances.uniqueCode("SC3"), "GK2", "9811012345"))
                .statusCode(403);
        CreditBalances.create(PB_STAFF, CreditBalances.body(CreditBalances.uniqueCode("SC4"), "PB", "9811012345"));

        // lists are confined to the caller's center; asking for another center is refused
        given().auth()
                .oauth2(PB_STAFF)
                .queryParam("limit", 1000)
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(200)
                .body("center", everyItem(equalTo("Punjabi Bagh")));
        given().auth()
                .oauth2(PB_STAFF)
                .queryParam("center", "GK2")
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(403);
        get(GK_STAFF, "/credit-balances/by-center/Punjabi Bagh").statusCode(403);
        get(GK_STAFF, "/credit-balances/stats/summary")
                .statusCode(200)
                .body("by_center.center", everyItem(equalTo("GK2")));

        // a voucher of another center is not revealed: it answers as one nobody has (VoucherSearchTest)
        post(GK_STAFF, "/credit-balances/by-voucher", Map.of("voucher_number", "PBSC11012"))
                .statusCode(404);
    }

    @Test
    void onlyClinicRolesWithAValidTokenGetIn() {
        given().when().get("/credit-balances/").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().auth()
                .oauth2(TestTokens.user("x")
                        .roles("staff")
                        .center("GK2")
                        .expired()
                        .sign())
                .when()
                .get("/credit-balances/")
                .then()
                .statusCode(401);
        get(TestTokens.pharmacyWriter(7), "/credit-balances/").statusCode(403);
        get(TestTokens.user("nocenter").roles("staff").sign(), "/credit-balances/")
                .statusCode(403)
                .body("detail", containsString("center"));
        post(PB_STAFF, "/credit-balances/admin/recompute-vouchers").statusCode(403);
    }

    @Test
    void invalidRecordsAre422NamingTheFields() {
        Map<String, Object> body = CreditBalances.body(CreditBalances.uniqueCode("IV1"), "GK2", "9811012345");
        body.put("package_amount", -5);
        body.put("sessions_paid", -1);
        body.put("email_id", "not-an-email");
        body.put("amount_paid", new BigDecimal("10.123"));
        body.remove("client_name");
        post(ADMIN, "/credit-balances/", body)
                .statusCode(422)
                .body(
                        "errors.field",
                        hasItems("package_amount", "sessions_paid", "email_id", "amount_paid", "client_name"));

        Map<String, Object> unknownCenter =
                CreditBalances.body(CreditBalances.uniqueCode("IV2"), "Noida", "9811012345");
        post(ADMIN, "/credit-balances/", unknownCenter).statusCode(422).body("errors.field", hasItem("center"));

        Map<String, Object> sessions = CreditBalances.body(CreditBalances.uniqueCode("IV3"), "GK2", "9811012345");
        sessions.put("balance_sessions", 5); // 12 paid - 11 consumed is 1
        post(ADMIN, "/credit-balances/", sessions).statusCode(422).body("errors.field", hasItem("balance_sessions"));

        long id = CreditBalances.create(
                ADMIN, CreditBalances.body(CreditBalances.uniqueCode("IV4"), "GK2", "9811012345"));
        put(ADMIN, "/credit-balances/" + id, Map.of("sessions_consumed", 13))
                .statusCode(422)
                .body("errors.field", hasItem("sessions_consumed"));
        post(ADMIN, "/credit-balances/", "{not json").statusCode(400).body("code", equalTo("malformed_json"));
        // well-formed JSON whose value does not fit the field: 422 naming it (docs/development.md, "Errors")
        Map<String, Object> words = CreditBalances.body(CreditBalances.uniqueCode("IV5"), "GK2", "9811012345");
        words.put("package_amount", "lots");
        post(ADMIN, "/credit-balances/", words)
                .statusCode(422)
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("package_amount"))
                .body("errors[0].message", equalTo("must be a number"));
        put(ADMIN, "/credit-balances/" + id, Map.of("sessions_consumed", "eleven"))
                .statusCode(422)
                .body("errors[0].field", equalTo("sessions_consumed"));
        // nothing half-applied
        get(ADMIN, "/credit-balances/" + id).body("sessions_consumed", equalTo(11));
    }

    @Test
    void missingPhoneMeansNoVoucherAndSeveralEmailsAreKept() {
        Map<String, Object> body = CreditBalances.body(CreditBalances.uniqueCode("NP1"), "GK2", null);
        body.put("email_id", "A@Example.com; b@example.org");
        long id = CreditBalances.create(ADMIN, body);
        get(ADMIN, "/credit-balances/" + id)
                .body("voucher_number", nullValue())
                .body("email_id", equalTo("a@example.com, b@example.org"));
    }

    @Test
    void statsSummaryAddsUpTheTable() throws Exception {
        CreditBalances.create(ADMIN, CreditBalances.body(CreditBalances.uniqueCode("ST1"), "GK2", "9811012345"));
        // read numbers as BigDecimal: the default (float) would round the rupee totals
        var stats = get(ADMIN, "/credit-balances/stats/summary")
                .statusCode(200)
                .extract()
                .body()
                .jsonPath(
                        JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(stats.getLong("total_records"))
                .isEqualTo(Long.parseLong(sql("select count(*) from credit_balance")));
        assertThat(stats.<BigDecimal>get("total_balance"))
                .isEqualByComparingTo(sql("select coalesce(sum(balance_amount), 0) from credit_balance"));
        assertThat(stats.getLong("total_balance_sessions"))
                .isEqualTo(Long.parseLong(sql("select coalesce(sum(balance_sessions), 0) from credit_balance")));
        List<BigDecimal> perCenter = stats.getList("by_center.records", BigDecimal.class);
        assertThat(perCenter.stream().mapToLong(BigDecimal::longValue).sum()).isEqualTo(stats.getLong("total_records"));
        assertThat(stats.<BigDecimal>get("total_package_amount").scale()).isEqualTo(2);
    }

    @Test
    void centerTotalsFollowEveryKindOfWrite() throws Exception {
        // the stats summary reads credit_center_totals, kept by triggers: after API writes (one moving a record to
        // another center), multi-row SQL, a statement that fails half-way and a delete, it must equal the aggregate
        String before = aggregateTotals();
        assertThat(keptTotals()).isEqualTo(before);
        String code = CreditBalances.uniqueCode("CT");
        long moved = CreditBalances.create(ADMIN, CreditBalances.body(code, "Punjabi Bagh", "9811012345"));
        long kept = CreditBalances.create(ADMIN, CreditBalances.body(code + "2", "Pitampura", null));
        put(
                        ADMIN,
                        "/credit-balances/" + moved,
                        Map.of("center", "GK2", "amount_paid", new BigDecimal("15000.05"), "sessions_consumed", 3))
                .statusCode(200);
        assertThat(keptTotals()).isEqualTo(aggregateTotals()).isNotEqualTo(before);
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            c.createStatement()
                    .executeUpdate("update credit_balance set package_amount = package_amount + 0.01, "
                            + "prepaid_gift_card_balance = 7.50 where client_code like '" + code + "%'");
            String beforeFailure = keptTotals();
            // the second row breaks a CHECK: the statement, and what its trigger added, roll back together
            assertThatThrownBy(() -> c.createStatement()
                            .executeUpdate("update credit_balance set amount_paid = " + "case when id = " + kept
                                    + " then -1 else amount_paid + 1 end where client_code like '" + code + "%'"))
                    .isInstanceOf(java.sql.SQLException.class);
            assertThat(keptTotals()).isEqualTo(beforeFailure);
        }
        assertThat(keptTotals()).isEqualTo(aggregateTotals());
        delete(ADMIN, "/credit-balances/" + moved).statusCode(204);
        delete(ADMIN, "/credit-balances/" + kept).statusCode(204);
        assertThat(keptTotals()).isEqualTo(aggregateTotals()).isEqualTo(before);
    }

    private static final String TOTALS_TEXT =
            "coalesce(string_agg(center || ':' || records || ':' || package_amount || ':' "
                    + "|| amount_paid || ':' || balance_amount || ':' || prepaid_gift_card_balance || ':' || sessions_paid || ':' "
                    + "|| sessions_consumed || ':' || balance_sessions, ',' order by center), '')";

    private static String keptTotals() throws java.sql.SQLException {
        return sql("select " + TOTALS_TEXT + " from credit_center_totals where records > 0");
    }

    private static String aggregateTotals() throws java.sql.SQLException {
        return sql("select " + TOTALS_TEXT + " from (select center, count(*) as records, sum(package_amount) as "
                + "package_amount, sum(amount_paid) as amount_paid, sum(balance_amount) as balance_amount, "
                + "sum(prepaid_gift_card_balance) as prepaid_gift_card_balance, sum(sessions_paid) as sessions_paid, "
                + "sum(sessions_consumed) as sessions_consumed, sum(balance_sessions) as balance_sessions "
                + "from credit_balance group by center) as t");
    }

    @Test
    void adminRecomputesEveryVoucher() throws Exception {
        long id = CreditBalances.create(
                ADMIN, CreditBalances.body(CreditBalances.uniqueCode("RV1"), "GK2", "9811012345"));
        try (Connection c = SuiteInfrastructure.jdbcConnection()) {
            c.createStatement().executeUpdate("update credit_balance set voucher_number = 'STALE' where id = " + id);
        }
        post(ADMIN, "/credit-balances/admin/recompute-vouchers")
                .statusCode(200)
                .body("changed", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        get(ADMIN, "/credit-balances/" + id).body("voucher_number", equalTo("GKRV11012"));
    }

    private static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }

    private static ValidatableResponse delete(String token, String path) {
        return given().auth().oauth2(token).when().delete(path).then();
    }

    private static ValidatableResponse post(String token, String path) {
        return given().auth().oauth2(token).when().post(path).then();
    }

    /** {@code body} sent as JSON. */
    private static ValidatableResponse post(String token, String path, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    /** {@code body} sent as JSON. */
    private static ValidatableResponse put(String token, String path, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(path)
                .then();
    }

    static String sql(String query) throws java.sql.SQLException {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
