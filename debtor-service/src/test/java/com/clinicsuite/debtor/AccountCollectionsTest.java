package com.clinicsuite.debtor;

import static com.clinicsuite.debtor.CollectionsFixtures.account;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
import com.clinicsuite.events.notifications.ChannelConfigured;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Notes and contact preferences of an account: kept across re-uploads, shown and filtered in the debtor list, and
 * obeyed by send-email / send-sms (do_not_contact, open promises, the account's language in the event).
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class AccountCollectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Africa/Johannesburg"));

    private static JsonPath row(long pharmacyId, String accNo) {
        return given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .queryParam("search", accNo)
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("debtors[0]");
    }

    private static JsonPath preferences(long pharmacyId, long debtorId, Map<String, Object> body, int status) {
        return given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(body)
                .put("/pharmacies/{p}/debtors/{d}/contact-preferences", pharmacyId, debtorId)
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    @Test
    void notesBelongToTheAccountAndSurviveReuploads() {
        long pharmacyId = Fixtures.pharmacy("Notes Pharmacy");
        var accounts = List.of(account("N1", "NOTED, A", null, null, "0", "0", "100"));
        CollectionsFixtures.report(pharmacyId, accounts, TODAY);
        long debtorId = CollectionsFixtures.ids(pharmacyId).get("N1");
        assertThat(row(pharmacyId, "N1").getInt("notes_count")).isZero();

        for (String text : List.of("Phoned, no answer", "Spoke to Mrs Noted: pays on the 25th")) {
            JsonPath note = given().auth()
                    .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                    .contentType("application/json")
                    .body(Map.of("text", text))
                    .post("/pharmacies/{p}/debtors/{d}/notes", pharmacyId, debtorId)
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
            assertThat(note.getString("text")).isEqualTo(text);
            assertThat(note.getString("author")).isEqualTo("writer-" + pharmacyId);
            assertThat(note.getString("created_at")).isNotNull();
        }
        for (Object bad : List.of("", "   ", "x".repeat(2001))) {
            given().auth()
                    .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                    .contentType("application/json")
                    .body(Map.of("text", bad))
                    .post("/pharmacies/{p}/debtors/{d}/notes", pharmacyId, debtorId)
                    .then()
                    .statusCode(422);
        }
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .contentType("application/json")
                .body(Map.of("text", "no write grant"))
                .post("/pharmacies/{p}/debtors/{d}/notes", pharmacyId, debtorId)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/{d}/notes", pharmacyId, 987654321L)
                .then()
                .statusCode(404);

        // the list shows the new count at once (its cache key moved on) and after a re-upload the notes remain
        assertThat(row(pharmacyId, "N1").getInt("notes_count")).isEqualTo(2);
        CollectionsFixtures.report(pharmacyId, accounts, TODAY);
        JsonPath notes = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/{d}/notes", pharmacyId, debtorId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(notes.getList("text", String.class))
                .containsExactly("Spoke to Mrs Noted: pays on the 25th", "Phoned, no answer");
        assertThat(row(pharmacyId, "N1").getInt("notes_count")).isEqualTo(2);
    }

    @Test
    void contactPreferencesAreShownFilteredPublishedAndObeyedByReminders() throws Exception {
        long pharmacyId = Fixtures.pharmacy("Preferences Pharmacy");
        Fixtures.EVENTS.send(
                EventCatalog.CHANNEL_CONFIGURED,
                Long.toString(pharmacyId),
                new ChannelConfigured(pharmacyId, true, true, "af"));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> Fixtures.count(
                                "SELECT COUNT(*) FROM pharmacy_channel WHERE pharmacy_id = ? AND default_language = 'af'",
                                pharmacyId)
                        == 1);
        CollectionsFixtures.report(
                pharmacyId,
                List.of(
                        account("C1", "QUIET, A", "quiet@example.co.za", "082 555 0001", "0", "0", "300"),
                        account("C2", "ENGLISH, B", "english@example.co.za", null, "0", "0", "200"),
                        account("C3", "DEFAULT, C", "default@example.co.za", null, "0", "0", "150"),
                        account("C4", "PROMISED, D", "promised@example.co.za", null, "0", "0", "400")),
                TODAY);
        Map<String, Long> ids = CollectionsFixtures.ids(pharmacyId);

        JsonPath none = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/debtors/{d}/contact-preferences", pharmacyId, ids.get("C1"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(none.getBoolean("do_not_contact")).isFalse();
        assertThat(none.getString("reason")).isNull();
        assertThat(none.getString("language")).isNull();

        Map<String, Object> quiet = new HashMap<>();
        quiet.put("do_not_contact", true);
        quiet.put("reason", "Asked us not to contact him; pays at the counter");
        quiet.put("language", null);
        JsonPath saved = preferences(pharmacyId, ids.get("C1"), quiet, 200);
        assertThat(saved.getBoolean("do_not_contact")).isTrue();
        preferences(pharmacyId, ids.get("C2"), Map.of("do_not_contact", false, "language", "en"), 200);
        preferences(pharmacyId, ids.get("C2"), Map.of("do_not_contact", false, "language", "fr"), 422);
        preferences(pharmacyId, ids.get("C2"), Map.of("language", "en"), 422);
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(Map.of("amount", 100, "due_date", TODAY.plusDays(3).toString()))
                .post("/pharmacies/{p}/debtors/{d}/promises", pharmacyId, ids.get("C4"))
                .then()
                .statusCode(201);

        assertThat(row(pharmacyId, "C1").getBoolean("do_not_contact")).isTrue();
        assertThat(row(pharmacyId, "C2").getString("language")).isEqualTo("en");
        assertThat(row(pharmacyId, "C3").getString("language")).isNull();
        assertThat(row(pharmacyId, "C3").getString("open_promise")).isNull();
        List<String> dnc = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .queryParam("do_not_contact", true)
                .get("/pharmacies/{p}/debtors", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("debtors.acc_no", String.class);
        assertThat(dnc).containsExactly("C1");

        // manual reminders: do_not_contact always refused, an open promise unless forced; languages resolved
        List<Long> all = List.of(ids.get("C1"), ids.get("C2"), ids.get("C3"), ids.get("C4"));
        JsonPath sent = given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(Map.of("debtor_ids", all))
                .post("/pharmacies/{p}/debtors/send-email", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(sent.getList("sent.debtor_id", Long.class)).containsExactlyInAnyOrder(ids.get("C2"), ids.get("C3"));
        Map<Long, String> errors = new HashMap<>();
        sent.<Map<String, Object>>getList("errors")
                .forEach(e -> errors.put(((Number) e.get("debtor_id")).longValue(), (String) e.get("error")));
        assertThat(errors.get(ids.get("C1"))).startsWith("do_not_contact");
        assertThat(errors.get(ids.get("C4"))).startsWith("open_promise");
        JsonPath forced = given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(Map.of("debtor_ids", List.of(ids.get("C1"), ids.get("C4")), "force", true))
                .post("/pharmacies/{p}/debtors/send-email", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(forced.getList("sent.debtor_id", Long.class)).containsExactly(ids.get("C4"));

        String english = sent.<Map<String, Object>>getList("sent").stream()
                .filter(s -> ((Number) s.get("debtor_id")).longValue() == ids.get("C2"))
                .map(s -> (String) s.get("reminder_id"))
                .findFirst()
                .orElseThrow();
        Fixtures.awaitRelayed(english);
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_REMINDERS)) {
            List<TopicReader.Record> reminders =
                    reader.await(3, r -> r.key().equals(Long.toString(pharmacyId)), Duration.ofSeconds(30));
            Map<String, String> languages = new HashMap<>();
            for (TopicReader.Record r : reminders) {
                JsonNode data = JSON.readTree(r.value());
                languages.put(data.get("acc_no").asText(), data.get("language").asText());
            }
            assertThat(languages)
                    .containsEntry("C2", "en")
                    .containsEntry("C3", "af")
                    .containsEntry("C4", "af");
        }
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_ACCOUNTS)) {
            List<TopicReader.Record> changes = reader.await(
                    2,
                    r -> EventCatalog.CONTACT_PREFERENCES_CHANGED.type().equals(r.ceType())
                            && r.key().equals(Long.toString(pharmacyId)),
                    Duration.ofSeconds(30));
            assertThat(changes).hasSize(2);
            JsonNode first = JSON.readTree(changes.get(0).value());
            assertThat(first.get("acc_no").asText()).isEqualTo("C1");
            assertThat(first.get("do_not_contact").asBoolean()).isTrue();
            assertThat(changes.get(0).value()).doesNotContain("counter"); // the reason stays here
        }
    }
}
