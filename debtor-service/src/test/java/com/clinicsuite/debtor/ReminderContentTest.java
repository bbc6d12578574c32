package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET .../debtors/{debtor_id}/reminder-content}: what notification-service's template preview of a debtor
 * renders is what a reminder to that debtor carries in {@code ReminderRequested}.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReminderContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theContentIsWhatAReminderToTheDebtorCarries() throws Exception {
        long pharmacyId = Fixtures.pharmacy("Reminder Content Pharmacy");
        Fixtures.channels(pharmacyId, true, false);
        long debtorId = oneDebtor(pharmacyId);

        JsonPath content = content(pharmacyId, debtorId, "d60,d90", TestTokens.pharmacyReader(pharmacyId))
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath sent = given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(Map.of("debtor_ids", List.of(debtorId), "ageing_buckets", List.of("d60", "d90")))
                .post("/pharmacies/{p}/debtors/send-email", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String reminderId = sent.getString("sent[0].reminder_id");
        JsonNode event;
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_REMINDERS)) {
            event = JSON.readTree(reader.await(1, r -> r.value().contains(reminderId), Duration.ofSeconds(20))
                    .get(0)
                    .value());
        }

        assertThat(content.getLong("debtor_id"))
                .isEqualTo(event.get("debtor_id").asLong())
                .isEqualTo(debtorId);
        assertThat(content.getString("acc_no"))
                .isEqualTo(event.get("acc_no").asText())
                .isEqualTo("300002");
        assertThat(content.getString("debtor_name"))
                .isEqualTo(event.get("debtor_name").asText())
                .isEqualTo("MNR JP VAN DER MERWE");
        assertThat(content.getString("language"))
                .isEqualTo(event.get("language").asText())
                .isEqualTo("en");
        assertThat(new BigDecimal(content.getString("amount_due")))
                .isEqualByComparingTo(event.get("amount_due").asText())
                .isEqualByComparingTo("1250.40");
        Map<String, Object> buckets = content.getMap("buckets");
        assertThat(buckets).containsOnlyKeys("d60", "d90");
        event.get("buckets")
                .fields()
                .forEachRemaining(b -> assertThat(new BigDecimal(String.valueOf(buckets.get(b.getKey()))))
                        .as(b.getKey())
                        .isEqualByComparingTo(b.getValue().asText()));

        // default: the arrears, as send-email
        content(pharmacyId, debtorId, null, TestTokens.pharmacyReader(pharmacyId))
                .statusCode(200)
                .body("buckets.keySet()", equalTo(java.util.Set.of("d60", "d90", "d120", "d150", "d180")));
    }

    @Test
    void readGrantOnThePharmacyAndOnlyItsCurrentDebtors() {
        long pharmacyId = Fixtures.pharmacy("Reminder Content Access Pharmacy");
        long debtorId = oneDebtor(pharmacyId);
        long other = Fixtures.pharmacy("Reminder Content Other Pharmacy");

        content(other, debtorId, null, TestTokens.pharmacyReader(other))
                .statusCode(404)
                .body("code", equalTo("not_found"));
        content(pharmacyId, debtorId, null, TestTokens.pharmacyReader(other))
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        content(pharmacyId, debtorId, "d60,d45", TestTokens.pharmacyReader(pharmacyId))
                .statusCode(422)
                .body("errors[0].field", equalTo("ageing_buckets"));
        content(pharmacyId, debtorId, " ", TestTokens.pharmacyReader(pharmacyId))
                .statusCode(422)
                .body("errors[0].field", equalTo("ageing_buckets"));
    }

    private static io.restassured.response.ValidatableResponse content(
            long pharmacyId, long debtorId, String buckets, String token) {
        var request = given().auth().oauth2(token);
        if (buckets != null) {
            request = request.queryParam("ageing_buckets", buckets);
        }
        return request.get("/pharmacies/{p}/debtors/{d}/reminder-content", pharmacyId, debtorId)
                .then();
    }

    private static long oneDebtor(long pharmacyId) {
        BigDecimal zero = new BigDecimal("0.00");
        Fixtures.report(
                pharmacyId,
                List.of(new DebtorReportChunk.Account(
                        "300002",
                        "MNR JP VAN DER MERWE",
                        new DebtorReportChunk.Amounts(
                                zero,
                                zero,
                                new BigDecimal("1000.00"),
                                new BigDecimal("250.40"),
                                zero,
                                zero,
                                new BigDecimal("5.00"),
                                new BigDecimal("1255.40")),
                        "merwe@example.com",
                        null,
                        List.of(),
                        false,
                        null,
                        null,
                        "00",
                        null)),
                10);
        return given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("debtors[0].id");
    }
}
