package com.clinicsuite.debtor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.events.notifications.DeliveryStatusChanged;
import com.clinicsuite.events.notifications.OptOutRecorded;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReminderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A pharmacy with e-mail and SMS configured and six accounts covering every reminder rule. */
    private record Setup(long pharmacyId, Map<String, Long> ids) {}

    private static Setup setup(boolean email, boolean sms) {
        long pharmacyId = Fixtures.pharmacy("Reminder Pharmacy");
        if (email || sms) {
            Fixtures.channels(pharmacyId, email, sms);
        }
        BigDecimal zero = new BigDecimal("0.00");
        DebtorReportChunk.Account control = new DebtorReportChunk.Account(
                "920001",
                "MEDICAL AID CONTROL ACC",
                new DebtorReportChunk.Amounts(
                        zero, zero, zero, zero, zero, zero, new BigDecimal("9000.00"), new BigDecimal("9000.00")),
                "claims@scheme.example",
                "0110000000",
                List.of(),
                true,
                null,
                null,
                null,
                null);
        DebtorReportChunk.Account currentOnly = new DebtorReportChunk.Account(
                "100004",
                "CURRENT ONLY",
                new DebtorReportChunk.Amounts(
                        new BigDecimal("80.00"), zero, zero, zero, zero, zero, zero, new BigDecimal("80.00")),
                "current@example.com",
                "0820000004",
                List.of(),
                false,
                null,
                null,
                null,
                null);
        Fixtures.report(
                pharmacyId,
                List.of(
                        Fixtures.account("100001", "OWES WITH BOTH", "250.00", "both@example.com", "082 000 0001"),
                        Fixtures.account("100002", "NO CONTACT", "300.00", null, null),
                        Fixtures.account("100003", "OPTED OUT", "120.00", "optout@example.com", "+27 82 000 0003"),
                        currentOnly,
                        control),
                10);
        Map<String, Long> ids = new java.util.HashMap<>();
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("exclude_medical_aid", false)
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("debtors")
                .forEach(d -> ids.put((String) d.get("acc_no"), ((Number) d.get("id")).longValue()));
        return new Setup(pharmacyId, ids);
    }

    private static JsonPath send(long pharmacyId, String channel, Map<String, Object> body, int status) {
        return given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(body)
                .post("/pharmacies/{p}/debtors/send-" + channel, pharmacyId)
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private static String error(JsonPath answer, long debtorId) {
        return answer.<Map<String, Object>>getList("errors").stream()
                .filter(e -> ((Number) e.get("debtor_id")).longValue() == debtorId)
                .map(e -> (String) e.get("error"))
                .findFirst()
                .orElse(null);
    }

    @Test
    void emailRemindersAreQueuedForValidDebtorsAndPublished() throws Exception {
        Setup s = setup(true, true);
        long valid = s.ids().get("100001");
        JsonPath answer = send(
                s.pharmacyId(),
                "email",
                Map.of(
                        "debtor_ids",
                        List.of(
                                valid,
                                s.ids().get("100002"),
                                s.ids().get("100004"),
                                s.ids().get("920001"),
                                987654321L)),
                200);

        assertThat(answer.getList("sent")).hasSize(1);
        assertThat(answer.getLong("sent[0].debtor_id")).isEqualTo(valid);
        assertThat(answer.getString("sent[0].email")).isEqualTo("both@example.com");
        assertThat(answer.getString("sent[0].status")).isEqualTo("queued");
        assertThat(answer.getMap("sent[0]")).containsEntry("external_id", null).doesNotContainKey("phone");
        assertThat(error(answer, s.ids().get("100002"))).contains("No e-mail");
        assertThat(error(answer, s.ids().get("100004"))).contains("Nothing owed in d60, d90, d120, d150, d180");
        assertThat(error(answer, s.ids().get("920001"))).contains("control");
        assertThat(error(answer, 987654321L)).contains("not found");

        String reminderId = answer.getString("sent[0].reminder_id");
        Fixtures.awaitRelayed(reminderId);
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_REMINDERS)) {
            List<TopicReader.Record> events =
                    reader.await(1, r -> r.value().contains(reminderId), Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).key()).isEqualTo(Long.toString(s.pharmacyId()));
            assertThat(events.get(0).ceType()).isEqualTo(EventCatalog.REMINDER_REQUESTED.type());
            JsonNode data = JSON.readTree(events.get(0).value());
            assertThat(data.get("channel").asText()).isEqualTo("email");
            assertThat(data.get("recipient").asText()).isEqualTo("both@example.com");
            assertThat(data.get("acc_no").asText()).isEqualTo("100001");
            assertThat(data.get("debtor_id").asLong()).isEqualTo(valid);
            assertThat(new BigDecimal(data.get("amount_due").asText())).isEqualByComparingTo("250.00");
            assertThat(data.get("requested_by").asText()).isEqualTo("writer-" + s.pharmacyId());
        }

        JsonPath history = given().auth()
                .oauth2(TestTokens.pharmacyReader(s.pharmacyId()))
                .get("/pharmacies/{p}/debtors/{d}/communications", s.pharmacyId(), valid)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("$")).hasSize(1);
        assertThat(history.getString("[0].communication_type")).isEqualTo("email");
        assertThat(history.getString("[0].status")).isEqualTo("queued");
        assertThat(history.getString("[0].recipient")).isEqualTo("both@example.com");
        assertThat(history.getLong("[0].debtor_id")).isEqualTo(valid);
    }

    @Test
    void chosenBucketsDecideTheAmountDue() {
        Setup s = setup(true, false);
        JsonPath answer = send(
                s.pharmacyId(),
                "email",
                Map.of("debtor_ids", List.of(s.ids().get("100004")), "ageing_buckets", List.of("current", "d30")),
                200);
        assertThat(answer.getList("sent")).hasSize(1);
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM communication WHERE pharmacy_id = ? AND acc_no = '100004'"
                                + " AND amount_due = 80.00",
                        s.pharmacyId()))
                .isEqualTo(1);
        send(
                s.pharmacyId(),
                "email",
                Map.of("debtor_ids", List.of(s.ids().get("100004")), "ageing_buckets", List.of("d31")),
                422);
        send(s.pharmacyId(), "email", Map.of("debtor_ids", List.of()), 422);
    }

    @Test
    void aCoolDownRefusesRemindingTheSameAccountAgainUnlessForced() {
        Setup s = setup(true, true);
        long id = s.ids().get("100001");
        assertThat(send(s.pharmacyId(), "email", Map.of("debtor_ids", List.of(id)), 200)
                        .getList("sent"))
                .hasSize(1);
        JsonPath again = send(s.pharmacyId(), "email", Map.of("debtor_ids", List.of(id)), 200);
        assertThat(again.getList("sent")).isEmpty();
        assertThat(error(again, id)).contains("force");
        // another channel is not cooling down
        assertThat(send(s.pharmacyId(), "sms", Map.of("debtor_ids", List.of(id)), 200)
                        .getList("sent"))
                .hasSize(1);
        assertThat(send(s.pharmacyId(), "email", Map.of("debtor_ids", List.of(id), "force", true), 200)
                        .getList("sent"))
                .hasSize(1);
    }

    @Test
    void smsNeedsAPhoneAndRespectsOptOuts() {
        Setup s = setup(false, true);
        Fixtures.EVENTS.send(
                EventCatalog.OPT_OUT_RECORDED,
                Long.toString(s.pharmacyId()),
                new OptOutRecorded(s.pharmacyId(), ReminderChannel.SMS, "0820000003", true, Instant.now()));
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        Fixtures.count("SELECT COUNT(*) FROM sms_opt_out WHERE pharmacy_id = ?", s.pharmacyId()) == 1);

        JsonPath answer = send(
                s.pharmacyId(),
                "sms",
                Map.of(
                        "debtor_ids",
                        List.of(
                                s.ids().get("100001"),
                                s.ids().get("100002"),
                                s.ids().get("100003"))),
                200);
        assertThat(answer.getList("sent")).hasSize(1);
        assertThat(answer.getString("sent[0].phone")).isEqualTo("082 000 0001");
        assertThat(answer.getMap("sent[0]")).doesNotContainKey("email");
        assertThat(error(answer, s.ids().get("100002"))).contains("No phone");
        assertThat(error(answer, s.ids().get("100003"))).contains("opted out");
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM communication WHERE pharmacy_id = ? AND communication_type = 'sms'"
                                + " AND recipient = '0820000001'",
                        s.pharmacyId()))
                .isEqualTo(1);

        // opting back in lifts the block
        Fixtures.EVENTS.send(
                EventCatalog.OPT_OUT_RECORDED,
                Long.toString(s.pharmacyId()),
                new OptOutRecorded(s.pharmacyId(), ReminderChannel.SMS, "0820000003", false, Instant.now()));
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        Fixtures.count("SELECT COUNT(*) FROM sms_opt_out WHERE pharmacy_id = ?", s.pharmacyId()) == 0);
        assertThat(send(
                                s.pharmacyId(),
                                "sms",
                                Map.of("debtor_ids", List.of(s.ids().get("100003"))),
                                200)
                        .getList("sent"))
                .hasSize(1);
    }

    @Test
    void aPharmacyWithoutTheChannelAnswers400() {
        Setup s = setup(false, false);
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(s.pharmacyId()))
                .contentType("application/json")
                .body(Map.of("debtor_ids", List.of(s.ids().get("100001"))))
                .post("/pharmacies/{p}/debtors/send-email", s.pharmacyId())
                .then()
                .statusCode(400)
                .body("detail", containsString("e-mail channel"));
        Fixtures.channels(s.pharmacyId(), true, false);
        send(s.pharmacyId(), "sms", Map.of("debtor_ids", List.of(s.ids().get("100001"))), 400);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM communication WHERE pharmacy_id = ?", s.pharmacyId()))
                .isZero();
    }

    @Test
    void deliveryStatusMovesForwardOnlyAndHistorySurvivesReUpload() {
        Setup s = setup(true, true);
        long id = s.ids().get("100001");
        String first = send(s.pharmacyId(), "email", Map.of("debtor_ids", List.of(id)), 200)
                .getString("sent[0].reminder_id");
        String second = send(s.pharmacyId(), "sms", Map.of("debtor_ids", List.of(id)), 200)
                .getString("sent[0].reminder_id");

        Instant t = Instant.parse("2025-11-20T10:00:00Z");
        status(s.pharmacyId(), first, "delivered", "msg-1", null, t.plusSeconds(20));
        status(s.pharmacyId(), first, "sent", "msg-1", null, t.plusSeconds(10)); // late: must not move back
        status(s.pharmacyId(), second, "failed", null, "Number unreachable", t.plusSeconds(30));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Fixtures.count(
                                "SELECT COUNT(*) FROM inbox_event WHERE consumer = 'debtor-service.delivery-status' AND event_id LIKE ?",
                                s.pharmacyId() + "-%")
                        == 3);

        // the account is reported again: same debtor id, history intact
        Fixtures.report(
                s.pharmacyId(),
                List.of(Fixtures.account("100001", "OWES WITH BOTH", "260.00", "both@example.com", "082 000 0001")),
                10);
        JsonPath history = given().auth()
                .oauth2(TestTokens.pharmacyReader(s.pharmacyId()))
                .get("/pharmacies/{p}/debtors/{d}/communications", s.pharmacyId(), id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("$")).hasSize(2);
        assertThat(history.getString("[0].communication_type"))
                .as("newest first")
                .isEqualTo("sms");
        assertThat(history.getString("[0].status")).isEqualTo("failed");
        assertThat(history.getString("[0].error_message")).isEqualTo("Number unreachable");
        assertThat(history.getString("[1].status")).isEqualTo("delivered");
        assertThat(history.getString("[1].external_id")).isEqualTo("msg-1");
        assertThat(history.getString("[1].subject")).isEqualTo("Your account");
        assertThat(history.getString("[1].sent_at")).isEqualTo("2025-11-20T10:00:20Z");

        given().auth()
                .oauth2(TestTokens.pharmacyReader(s.pharmacyId()))
                .get(
                        "/pharmacies/{p}/debtors/{d}/communications",
                        s.pharmacyId(),
                        s.ids().get("100002"))
                .then()
                .statusCode(404);
    }

    private static void status(
            long pharmacyId, String reminderId, String status, String externalId, String error, Instant at) {
        Fixtures.EVENTS.send(
                EventCatalog.DELIVERY_STATUS_CHANGED,
                Long.toString(pharmacyId),
                new DeliveryStatusChanged(
                        reminderId,
                        pharmacyId,
                        "100001",
                        ReminderChannel.EMAIL,
                        DeliveryStatus.fromCode(status),
                        "smtp",
                        externalId,
                        "Your account",
                        "Dear customer",
                        error,
                        at),
                pharmacyId + "-" + java.util.UUID.randomUUID());
    }
}
