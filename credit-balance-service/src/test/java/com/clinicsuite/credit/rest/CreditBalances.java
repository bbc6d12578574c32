package com.clinicsuite.credit.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Builds and creates test records through the API; each test makes its own unique client codes. */
final class CreditBalances {

    private CreditBalances() {}

    /** A unique client code starting with {@code prefix} (3 chars keep the voucher predictable). */
    static String uniqueCode(String prefix) {
        return prefix
                + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    }

    static Map<String, Object> body(String clientCode, String center, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("client_code", clientCode);
        body.put("client_name", "Test Client");
        body.put("phone_no", phone);
        body.put("email_id", "test.client@example.com");
        body.put("treatment_name", "PRP Hair Restoration");
        body.put("center", center);
        body.put("final_bucket", "Hair");
        body.put("package_amount", 45000.00);
        body.put("amount_paid", 15000.00);
        body.put("balance_amount", 30000.00);
        body.put("prepaid_gift_card_balance", 0);
        body.put("sessions_paid", 12);
        body.put("sessions_consumed", 11);
        return body;
    }

    static long create(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/credit-balances/")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }
}
