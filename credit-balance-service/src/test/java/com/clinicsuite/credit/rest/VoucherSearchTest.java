package com.clinicsuite.credit.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /credit-balances/by-voucher: what staff may learn, and what a voucher typed oddly finds. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class VoucherSearchTest {

    private static final String ADMIN = TestTokens.admin();

    @Test
    void aVoucherOfAnotherCenterAnswersStaffExactlyAsAVoucherNobodyHas() {
        String code = CreditBalances.uniqueCode("OC");
        CreditBalances.create(ADMIN, CreditBalances.body(code, "Punjabi Bagh", "9811012345"));
        String elsewhere = "PB" + code.substring(0, 3) + "1012";
        String nowhere = "PBZZ" + code.substring(3, 8);
        String gkStaff = TestTokens.staff("GK2");

        Response other = search(gkStaff, elsewhere);
        Response none = search(gkStaff, nowhere);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(other.asString()).isEqualTo(none.asString());
        assertThat(other.contentType()).isEqualTo(none.contentType());
        assertThat(other.headers().asList().stream()
                        .map(h -> h.getName())
                        .sorted()
                        .toList())
                .isEqualTo(none.headers().asList().stream()
                        .map(h -> h.getName())
                        .sorted()
                        .toList());
        // the voucher exists: its own center's staff and admins find it
        given().auth()
                .oauth2(TestTokens.staff("Punjabi Bagh"))
                .contentType(ContentType.JSON)
                .body(Map.of("voucher_number", elsewhere))
                .post("/credit-balances/by-voucher")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        search(ADMIN, elsewhere).then().statusCode(200).body("[0].client_code", equalTo(code));
    }

    @Test
    void aVoucherTypedFullWidthOrWithAZeroWidthSpaceIsFound() {
        String code = CreditBalances.uniqueCode("FW");
        CreditBalances.create(ADMIN, CreditBalances.body(code, "GK2", "9811012345"));
        String voucher = "GK" + code.substring(0, 3) + "1012";
        StringBuilder fullWidth = new StringBuilder();
        voucher.chars().forEach(c -> fullWidth.append((char) (c + 0xFEE0))); // Ａ..Ｚ, ０..９
        search(ADMIN, fullWidth.toString().toLowerCase())
                .then()
                .statusCode(200)
                .body("[0].voucher_number", equalTo(voucher));
        search(ADMIN, voucher.substring(0, 2) + "\u200b" + voucher.substring(2))
                .then()
                .statusCode(200)
                .body("[0].voucher_number", equalTo(voucher));
    }

    @Test
    void controlCharactersAreRefusedWith422AndLongUpperCasingIsNotFound() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"voucher_number\": \"AB\\u0000CD\"}")
                .post("/credit-balances/by-voucher")
                .then()
                .statusCode(422)
                .body("code", equalTo("invalid_characters"))
                .body("errors[0].field", equalTo("voucher_number"));
        // 20 characters that upper-case to 40: no voucher is that long
        search(ADMIN, "ß".repeat(20)).then().statusCode(404);
    }

    private static Response search(String token, String voucher) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("voucher_number", voucher))
                .post("/credit-balances/by-voucher");
    }
}
