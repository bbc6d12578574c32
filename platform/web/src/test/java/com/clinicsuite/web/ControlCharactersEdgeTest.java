package com.clinicsuite.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Control characters are refused with 422 invalid_characters wherever a request carries text. */
@QuarkusTest
class ControlCharactersEdgeTest {

    @Test
    void ordinaryTextPassesEverywhere() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"voucher_number": "PBAD05349", "note": "line one\\nline two\\ttabbed\\r\\n",
                         "items": [{"name": "Ωmega 😀 O'Neil", "labels": {"key": "value"}}], "extra": {"n": ["x", 1]}}""")
                .post("/edge/json")
                .then()
                .statusCode(200)
                .body("voucher_number", equalTo("PBAD05349"))
                .body("note", equalTo("line one\nline two\ttabbed\r\n"))
                .body("items[0].name", equalTo("Ωmega 😀 O'Neil"));
        given().queryParam("search", "Ωmega 😀")
                .get("/edge/things/{name}", "café")
                .then()
                .statusCode(200)
                .body(equalTo("café|Ωmega 😀"));
        given().formParam("username", "thandi")
                .post("/edge/form")
                .then()
                .statusCode(200)
                .body(equalTo("thandi"));
        given().multiPart("file", "report 2025-01.pdf", "%PDF-".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .multiPart("mode", "replace")
                .post("/edge/upload")
                .then()
                .statusCode(200)
                .body(equalTo("report 2025-01.pdf|replace"));
    }

    @Test
    void aNulInAJsonStringIsRefusedNamingTheField() {
        JsonPath answer = refused(given().contentType(ContentType.JSON)
                .body("{\"voucher_number\": \"AB\\u0000CD\"}")
                .post("/edge/json"));
        assertThat(answer.getString("errors[0].field")).isEqualTo("voucher_number");
        assertThat(answer.getString("errors[0].message")).contains("U+0000").contains("position 3");
        assertThat(answer.getString("detail")).startsWith("voucher_number: ");
    }

    @Test
    void everyRefusedCharacterInEveryPlaceOfTheBody() {
        // C0 controls but TAB/LF/CR, DEL, lone high and low surrogates
        for (String escape :
                new String[] {"\\u0000", "\\u0001", "\\u001b", "\\u001f", "\\u007f", "\\ud800", "\\udfff"}) {
            JsonPath nested = refused(given().contentType(ContentType.JSON)
                    .body("{\"items\": [{\"name\": \"ok\"}, {\"name\": \"x" + escape + "\"}]}")
                    .post("/edge/json"));
            assertThat(nested.getString("errors[0].field")).as(escape).isEqualTo("items[1].name");
        }
        assertThat(refused(given().contentType(ContentType.JSON)
                                .body("{\"items\": [{\"name\": \"a\", \"labels\": {\"k\": \"v\\u0007\"}}]}")
                                .post("/edge/json"))
                        .getString("errors[0].field"))
                .isEqualTo("items[0].labels.k");
        // untyped values and object keys too; a key is named without its control character
        assertThat(refused(given().contentType(ContentType.JSON)
                                .body("{\"extra\": {\"list\": [\"fine\", \"bad\\u0000\"]}}")
                                .post("/edge/json"))
                        .getString("errors[0].field"))
                .startsWith("extra.list"); // Jackson names no index inside untyped values
        assertThat(refused(given().contentType(ContentType.JSON)
                                .body("{\"items\": [{\"labels\": {\"k\\u0000ey\": \"v\"}}]}")
                                .post("/edge/json"))
                        .getString("errors[0].field"))
                .startsWith("items[0].labels");
    }

    @Test
    void controlCharactersInPathAndQueryParametersAreRefused() {
        assertThat(refused(given().urlEncodingEnabled(false).get("/edge/things/a%00b"))
                        .getString("errors[0].field"))
                .isEqualTo("name");
        // parameters are single-line: TAB, LF and CR are refused there too, and C1 controls
        for (String encoded : new String[] {"%00", "%09", "%0A", "%0D", "%7F", "%C2%85"}) {
            assertThat(refused(given().urlEncodingEnabled(false).get("/edge/things/ok?search=a" + encoded))
                            .getString("errors[0].field"))
                    .as(encoded)
                    .isEqualTo("search");
        }
    }

    @Test
    void formFieldsAndUploadedFileNamesAreChecked() {
        assertThat(refused(given().contentType(ContentType.URLENC)
                                .body("username=ab%00cd")
                                .post("/edge/form"))
                        .getString("errors[0].field"))
                .isEqualTo("username");
        JsonPath upload = refused(given().multiPart(
                        "file", "report\u0001.pdf", "%PDF-".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .multiPart("mode", "replace")
                .post("/edge/upload"));
        assertThat(upload.getString("errors[0].field")).isEqualTo("file");
        assertThat(upload.getString("errors[0].message")).contains("file name").contains("U+0001");
        assertThat(refused(given().multiPart(
                                        "file",
                                        "report.pdf",
                                        "%PDF-".getBytes(StandardCharsets.UTF_8),
                                        "application/pdf")
                                .multiPart("mode", "re\u0000place")
                                .post("/edge/upload"))
                        .getString("errors[0].field"))
                .isEqualTo("mode");
    }

    @Test
    void aLineBreakInAPartHeaderIsAMalformedBodyNotAServerError() {
        given().multiPart("file", "report\n.pdf", "%PDF-".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .post("/edge/upload")
                .then()
                .statusCode(400)
                .body("code", equalTo("malformed_multipart"));
    }

    private static JsonPath refused(Response response) {
        return response.then()
                .statusCode(422)
                .contentType(ContentType.JSON)
                .body("code", equalTo("invalid_characters"))
                .extract()
                .jsonPath();
    }
}
