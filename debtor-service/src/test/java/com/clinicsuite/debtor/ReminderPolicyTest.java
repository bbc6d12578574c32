package com.clinicsuite.debtor;

import static com.clinicsuite.debtor.CollectionsFixtures.account;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.events.notifications.ChannelConfigured;
import com.clinicsuite.events.notifications.OptOutRecorded;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.testkit.TopicReader;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reminder policies: a run after an upload contacts exactly the accounts the rules allow and skips the others with
 * their reasons; runs are exactly-once across a crash and a second replica; quiet hours hold a run until they end;
 * a schedule slot missed while the service was down runs once; a policy's attach_statement puts each account's
 * statement on its e-mail reminders.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReminderPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Africa/Johannesburg"));

    /** Every reason and channel of the rules, one account each (plus two that are never considered). */
    private static List<DebtorReportChunk.Account> accounts() {
        return List.of(
                account("E1", "EMAIL, ONLY", "e1@example.co.za", null, "0", "0", "500"),
                account("S1", "SMS, ONLY", null, "082 111 0001", "0", "0", "0", "300"),
                account("B1", "BOTH, CHANNELS", "b1@example.co.za", "082 111 0002", "0", "0", "250"),
                account("L1", "ENGLISH, SPEAKER", "l1@example.co.za", null, "0", "0", "0", "0", "180"),
                account("DNC", "DO NOT, CONTACT", "dnc@example.co.za", null, "0", "0", "900"),
                account("PRM", "PROMISED, TO PAY", "prm@example.co.za", null, "0", "0", "800"),
                account("LOW", "BELOW, MINIMUM", "low@example.co.za", null, "0", "0", "50"),
                account("COOL", "COOLING, DOWN", "cool@example.co.za", null, "0", "0", "700"),
                account("OPT", "OPTED, OUT", null, "082 111 0003", "0", "0", "600"),
                account("NOC", "NO, CONTACT", null, null, "0", "0", "650"),
                account("ZERO", "OWES, CURRENT", "zero@example.co.za", null, "1000"),
                CollectionsFixtures.control("990001", "5000"));
    }

    private static long pharmacyWithChannels(String name) {
        long pharmacyId = Fixtures.pharmacy(name);
        Fixtures.EVENTS.send(
                EventCatalog.CHANNEL_CONFIGURED,
                Long.toString(pharmacyId),
                new ChannelConfigured(pharmacyId, true, true, "af"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Fixtures.count(
                                "SELECT COUNT(*) FROM pharmacy_channel WHERE pharmacy_id = ? AND sms_configured"
                                        + " AND default_language = 'af'",
                                pharmacyId)
                        == 1);
        return pharmacyId;
    }

    private static Map<String, Object> policy(String trigger, int cooldownDays, Map<String, String> quietHours) {
        Map<String, Object> policy = new HashMap<>();
        policy.put("enabled", true);
        policy.put("trigger", trigger);
        policy.put("schedule", null);
        policy.put("min_overdue", 100.00);
        policy.put("ageing_buckets", List.of("d60", "d90", "d120", "d150", "d180"));
        policy.put("channels", List.of("email", "sms"));
        policy.put("cooldown_days", cooldownDays);
        policy.put("quiet_hours", quietHours);
        policy.put("max_per_day", 1000);
        return policy;
    }

    private static JsonPath putPolicy(long pharmacyId, Map<String, Object> policy, int status) {
        return given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(policy)
                .put("/pharmacies/{p}/reminder-policy", pharmacyId)
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private static JsonPath preview(long pharmacyId) {
        return given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .post("/pharmacies/{p}/reminder-policy/preview", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath runs(long pharmacyId) {
        return given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/reminder-runs", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static long queuedByRuns(long pharmacyId) {
        return Fixtures.count(
                "SELECT COUNT(*) FROM communication WHERE pharmacy_id = ? AND run_id IS NOT NULL", pharmacyId);
    }

    @Test
    void aDisabledDefaultAnswersForAPharmacyWithoutAPolicyAndBadPoliciesAre422() {
        long pharmacyId = Fixtures.pharmacy("Default Policy Pharmacy");
        JsonPath policy = given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .get("/pharmacies/{p}/reminder-policy", pharmacyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(policy.getBoolean("enabled")).isFalse();
        assertThat(policy.getString("trigger")).isEqualTo("manual");
        assertThat(policy.getList("channels")).containsExactly("email", "sms");
        assertThat(policy.getString("quiet_hours.zone")).isEqualTo("Africa/Johannesburg");
        assertThat(policy.getString("quiet_hours.from")).isEqualTo("18:00");
        assertThat(policy.getInt("max_per_day")).isEqualTo(500);

        Map<String, Object> bad = policy("schedule", 14, null);
        putPolicy(pharmacyId, bad, 422); // schedule missing
        bad.put("schedule", "every monday");
        putPolicy(pharmacyId, bad, 422);
        bad.put("schedule", "0 9 * * MON");
        JsonPath saved = putPolicy(pharmacyId, bad, 200);
        assertThat(saved.getString("schedule")).isEqualTo("0 9 * * MON");
        assertThat(saved.getString("quiet_hours")).isNull();
        Map<String, Object> channels = policy("manual", 14, null);
        channels.put("channels", List.of("fax"));
        putPolicy(pharmacyId, channels, 422);
        Map<String, Object> zone = policy("manual", 14, Map.of("from", "18:00", "to", "08:00", "zone", "Mars/Base"));
        putPolicy(pharmacyId, zone, 422);
        Map<String, Object> trigger = policy("hourly", 14, null);
        putPolicy(pharmacyId, trigger, 422);
        given().auth()
                .oauth2(TestTokens.pharmacyReader(pharmacyId))
                .contentType("application/json")
                .body(policy("manual", 14, null))
                .put("/pharmacies/{p}/reminder-policy", pharmacyId)
                .then()
                .statusCode(403);
    }

    @Test
    void aRunAfterAnUploadContactsExactlyTheExpectedAccountsAndSkipsTheOthersWithTheirReasons() throws Exception {
        long pharmacyId = pharmacyWithChannels("Policy Pharmacy");
        CollectionsFixtures.report(pharmacyId, accounts(), TODAY.minusDays(30));
        Map<String, Long> ids = CollectionsFixtures.ids(pharmacyId);
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(Map.of("do_not_contact", true, "reason", "deceased estate"))
                .put("/pharmacies/{p}/debtors/{d}/contact-preferences", pharmacyId, ids.get("DNC"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(Map.of("do_not_contact", false, "language", "en"))
                .put("/pharmacies/{p}/debtors/{d}/contact-preferences", pharmacyId, ids.get("L1"))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(Map.of("amount", 800, "due_date", TODAY.plusDays(20).toString()))
                .post("/pharmacies/{p}/debtors/{d}/promises", pharmacyId, ids.get("PRM"))
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(Map.of("debtor_ids", List.of(ids.get("COOL"))))
                .post("/pharmacies/{p}/debtors/send-email", pharmacyId)
                .then()
                .statusCode(200);
        Fixtures.EVENTS.send(
                EventCatalog.OPT_OUT_RECORDED,
                Long.toString(pharmacyId),
                new OptOutRecorded(pharmacyId, ReminderChannel.SMS, "0821110003", true, Instant.now()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Fixtures.count("SELECT COUNT(*) FROM sms_opt_out WHERE pharmacy_id = ?", pharmacyId) == 1);
        putPolicy(pharmacyId, policy("after_upload", 14, null), 200);

        // what the run will do, asked beforehand
        JsonPath preview = preview(pharmacyId);
        Map<String, String> wouldSend = new HashMap<>();
        preview.<Map<String, Object>>getList("would_send")
                .forEach(s -> wouldSend.put((String) s.get("acc_no"), (String) s.get("channel")));
        assertThat(wouldSend).isEqualTo(Map.of("E1", "email", "S1", "sms", "B1", "email", "L1", "email"));
        assertThat(preview.getList("would_send.acc_no")).containsExactly("E1", "S1", "B1", "L1"); // largest first
        Map<String, String> skipped = new HashMap<>();
        preview.<Map<String, Object>>getList("skipped")
                .forEach(s -> skipped.put((String) s.get("acc_no"), (String) s.get("reason")));
        assertThat(skipped)
                .isEqualTo(Map.of(
                        "DNC", "do_not_contact",
                        "PRM", "open_promise",
                        "LOW", "below_minimum",
                        "COOL", "cooldown",
                        "OPT", "opted_out",
                        "NOC", "no_contact"));

        // the upload: the run follows the report and queues exactly those four
        long report = CollectionsFixtures.report(pharmacyId, accounts(), TODAY);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.count(
                                "SELECT COUNT(*) FROM reminder_run WHERE pharmacy_id = ? AND report_id = ?"
                                        + " AND status = 'finished'",
                                pharmacyId,
                                report)
                        == 1);
        JsonPath runs = runs(pharmacyId);
        assertThat(runs.getString("[0].trigger")).isEqualTo("after_upload");
        assertThat(runs.getInt("[0].queued")).isEqualTo(4);
        assertThat(runs.getInt("[0].skipped")).isEqualTo(6);
        assertThat(runs.getInt("[0].failed")).isZero();
        assertThat(runs.getLong("[0].report_id")).isEqualTo(report);
        assertThat(runs.getString("[0].started_at")).isNotNull();
        assertThat(runs.getString("[0].finished_at")).isNotNull();
        assertThat(queuedByRuns(pharmacyId)).isEqualTo(4);
        for (String accNo : List.of("DNC", "PRM", "LOW", "COOL", "OPT", "NOC", "ZERO", "990001")) {
            assertThat(Fixtures.count(
                            "SELECT COUNT(*) FROM communication WHERE pharmacy_id = ? AND acc_no = ? AND run_id IS NOT NULL",
                            pharmacyId,
                            accNo))
                    .as(accNo)
                    .isZero();
        }
        try (TopicReader reader = new TopicReader(Topics.DEBTORS_REMINDERS)) {
            List<TopicReader.Record> events = reader.await(
                    4,
                    r -> r.key().equals(Long.toString(pharmacyId)) && r.value().contains("reminder-policy"),
                    Duration.ofSeconds(60));
            Map<String, String> sent = new HashMap<>();
            for (TopicReader.Record r : events) {
                JsonNode e = JSON.readTree(r.value());
                sent.put(
                        e.get("acc_no").asText(),
                        e.get("channel").asText() + "/" + e.get("language").asText());
            }
            assertThat(sent).isEqualTo(Map.of("E1", "email/af", "S1", "sms/af", "B1", "email/af", "L1", "email/en"));
        }
        // and now they are in their cool-down
        assertThat(preview(pharmacyId).getList("would_send")).isEmpty();

        // the daily maximum (4 already queued today): the largest amounts first; without a cool-down COOL is back
        Map<String, Object> limited = policy("manual", 0, null);
        limited.put("max_per_day", 4 + 2);
        putPolicy(pharmacyId, limited, 200);
        JsonPath capped = preview(pharmacyId);
        assertThat(capped.getList("would_send.acc_no")).containsExactly("COOL", "E1");
        assertThat(capped.<Map<String, Object>>getList("skipped").stream()
                        .filter(s -> "daily_limit".equals(s.get("reason")))
                        .map(s -> s.get("acc_no")))
                .containsExactlyInAnyOrder("S1", "B1", "L1");
    }

    @Test
    void aRunIsExactlyOnceAcrossACrashAndASecondReplica() throws Exception {
        long pharmacyId = pharmacyWithChannels("Exactly Once Pharmacy");
        CollectionsFixtures.report(pharmacyId, accounts(), TODAY);
        putPolicy(pharmacyId, policy("manual", 0, null), 200);
        long runId;
        try (Connection replica = SuiteInfrastructure.jdbcConnection()) {
            // a replica claimed a run and is in the middle of it: its row is locked by its open transaction
            replica.setAutoCommit(false);
            try (PreparedStatement insert = replica.prepareStatement(
                    "INSERT INTO reminder_run (pharmacy_id, trigger_kind, slot_key, status, not_before, created_at,"
                            + " queued, skipped) VALUES (?, 'manual', 'manual:crash', 'pending', now(), now(), 0, 0)"
                            + " RETURNING id")) {
                insert.setLong(1, pharmacyId);
                var rs = insert.executeQuery();
                rs.next();
                runId = rs.getLong(1);
            }
            replica.commit();
            try (PreparedStatement lock =
                    replica.prepareStatement("SELECT id FROM reminder_run WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, runId);
                lock.executeQuery();
            }
            // the sweeper on this replica leaves it alone while the other holds it
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> Fixtures.count("SELECT COUNT(*) FROM communication WHERE run_id = ?", runId) == 0);
            // the other replica crashes: its transaction (and anything it had queued) is rolled back
            replica.rollback();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Fixtures.count("SELECT COUNT(*) FROM reminder_run WHERE id = ? AND status = 'finished'", runId)
                                == 1);
        // a pharmacy without preferences, promises, opt-outs or earlier reminders: all but NOC and LOW
        assertThat(Fixtures.count("SELECT COUNT(*) FROM communication WHERE run_id = ?", runId))
                .isEqualTo(8);
        // later sweeps (and a restart's first sweep) find it finished: nothing is queued twice
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> Fixtures.count("SELECT COUNT(*) FROM communication WHERE run_id = ?", runId) == 8);
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND aggregate_key = ?",
                        EventCatalog.REMINDER_REQUESTED.type(),
                        Long.toString(pharmacyId)))
                .isEqualTo(8);
        // the same trigger occasion cannot make a second run
        assertThatThrownBy(() -> {
                    try (Connection c = SuiteInfrastructure.jdbcConnection();
                            PreparedStatement again = c.prepareStatement(
                                    "INSERT INTO reminder_run (pharmacy_id, trigger_kind, slot_key, status, not_before,"
                                            + " created_at, queued, skipped)"
                                            + " VALUES (?, 'manual', 'manual:crash', 'pending', now(), now(), 0, 0)")) {
                        again.setLong(1, pharmacyId);
                        again.executeUpdate();
                    }
                })
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("reminder_run_once");
    }

    @Test
    void quietHoursHoldARunUntilTheyEnd() {
        // 20:30 in Johannesburg, inside 18:00-08:00
        MutableClock clock = new MutableClock(Instant.parse("2026-03-04T18:30:00Z"));
        QuarkusMock.installMockForType(clock, Clock.class);
        long pharmacyId = pharmacyWithChannels("Quiet Hours Pharmacy");
        CollectionsFixtures.report(pharmacyId, accounts(), TODAY);
        putPolicy(
                pharmacyId,
                policy("manual", 0, Map.of("from", "18:00", "to", "08:00", "zone", "Africa/Johannesburg")),
                200);

        JsonPath run = given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .post("/pharmacies/{p}/reminder-runs", pharmacyId)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        long runId = run.getLong("id");
        assertThat(run.getString("trigger")).isEqualTo("manual");
        assertThat(run.getString("status")).isEqualTo("pending");
        assertThat(Instant.parse(run.getString("scheduled_for"))).isEqualTo(Instant.parse("2026-03-05T06:00:00Z"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> queuedByRuns(pharmacyId) == 0);

        clock.set(Instant.parse("2026-03-05T05:59:00Z")); // 07:59: still quiet
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> queuedByRuns(pharmacyId) == 0);

        clock.set(Instant.parse("2026-03-05T06:00:30Z")); // 08:00:30: quiet hours over
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Fixtures.count("SELECT COUNT(*) FROM reminder_run WHERE id = ? AND status = 'finished'", runId)
                                == 1);
        assertThat(queuedByRuns(pharmacyId)).isEqualTo(8);
        JsonPath runs = runs(pharmacyId);
        assertThat(Instant.parse(runs.getString("[0].started_at"))).isEqualTo(Instant.parse("2026-03-05T06:00:30Z"));
    }

    @Test
    void aScheduleSlotMissedWhileDownRunsOnceOnStart() {
        // Monday 2 March 2026, 09:30 in Johannesburg: the policy is saved after that day's 09:00 slot
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T07:30:00Z"));
        QuarkusMock.installMockForType(clock, Clock.class);
        long pharmacyId = pharmacyWithChannels("Schedule Pharmacy");
        CollectionsFixtures.report(pharmacyId, accounts(), TODAY);
        Map<String, Object> weekly =
                policy("schedule", 0, Map.of("from", "18:00", "to", "08:00", "zone", "Africa/Johannesburg"));
        weekly.put("schedule", "0 9 * * MON");
        putPolicy(pharmacyId, weekly, 200);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        Fixtures.count("SELECT COUNT(*) FROM reminder_run WHERE pharmacy_id = ?", pharmacyId) == 0);

        // the service was down over Monday 9 March and comes back on Monday 16 March at 15:00: the latest slot runs
        // once
        clock.set(Instant.parse("2026-03-16T13:00:00Z"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Fixtures.count(
                                "SELECT COUNT(*) FROM reminder_run WHERE pharmacy_id = ? AND status = 'finished'",
                                pharmacyId)
                        == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        Fixtures.count("SELECT COUNT(*) FROM reminder_run WHERE pharmacy_id = ?", pharmacyId) == 1);
        assertThat(Fixtures.count(
                        "SELECT COUNT(*) FROM reminder_run WHERE pharmacy_id = ? AND trigger_kind = 'schedule'"
                                + " AND slot_key = 'schedule:2026-03-16T07:00:00Z'",
                        pharmacyId))
                .isEqualTo(1);
        assertThat(queuedByRuns(pharmacyId)).isEqualTo(8);
    }

    /** The reminder ids a run queued, from its communication rows. */
    private static Set<String> reminderIdsOf(long runId) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement q = c.prepareStatement("SELECT reminder_id FROM communication WHERE run_id = ?")) {
            q.setLong(1, runId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Runs the pharmacy's policy now (POST /reminder-runs), waits until the run finished; the events it queued. */
    private static Map<String, JsonNode> runNow(long pharmacyId, TopicReader reader) throws Exception {
        long runId = given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .post("/pharmacies/{p}/reminder-runs", pharmacyId)
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getLong("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Fixtures.count("SELECT COUNT(*) FROM reminder_run WHERE id = ? AND status = 'finished'", runId)
                                == 1);
        Set<String> reminderIds = reminderIdsOf(runId);
        Map<String, JsonNode> byAccount = new HashMap<>();
        for (TopicReader.Record r : reader.await(
                reminderIds.size(),
                r -> r.key().equals(Long.toString(pharmacyId))
                        && reminderIds.stream().anyMatch(r.value()::contains),
                Duration.ofSeconds(60))) {
            JsonNode event = JSON.readTree(r.value());
            if (reminderIds.contains(event.get("reminder_id").asText())) {
                byAccount.put(event.get("acc_no").asText(), event);
            }
        }
        assertThat(byAccount).hasSize(reminderIds.size());
        return byAccount;
    }

    /**
     * A policy with attach_statement: each e-mail reminder of its runs carries the account's statement (as the
     * statement prints it, in the reminder's language), SMS reminders none; without it no reminder carries one.
     */
    @Test
    void aPolicyThatAttachesStatementsPutsEachAccountsStatementOnItsEmailReminders() throws Exception {
        long pharmacyId = pharmacyWithChannels("Statement Policy Pharmacy");
        LocalDate reportDate = TODAY.minusDays(3);
        CollectionsFixtures.report(
                pharmacyId,
                List.of(
                        account(
                                "ST1",
                                "MISS FJ DREYER",
                                "st1@example.co.za",
                                "082 123 4567",
                                "120",
                                "0",
                                "500",
                                "0",
                                "0",
                                "11000"),
                        account("ST2", "SMS, ONLY", null, "082 111 0009", "0", "0", "300"),
                        account("ST3", "ENGLISH, SPEAKER", "st3@example.co.za", null, "0", "0", "0", "250.5")),
                reportDate);
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(pharmacyId))
                .contentType("application/json")
                .body(Map.of("do_not_contact", false, "language", "en"))
                .put(
                        "/pharmacies/{p}/debtors/{d}/contact-preferences",
                        pharmacyId,
                        CollectionsFixtures.ids(pharmacyId).get("ST3"))
                .then()
                .statusCode(200);
        Map<String, Object> attaching = policy("manual", 0, null);
        attaching.put("attach_statement", true);
        assertThat(putPolicy(pharmacyId, attaching, 200).getBoolean("attach_statement"))
                .isTrue();

        try (TopicReader reader = new TopicReader(Topics.DEBTORS_REMINDERS)) {
            Map<String, JsonNode> first = runNow(pharmacyId, reader);
            assertThat(first.keySet()).containsExactlyInAnyOrder("ST1", "ST2", "ST3");

            JsonNode dreyer = first.get("ST1").get("statement");
            assertThat(first.get("ST1").get("channel").asText()).isEqualTo("email");
            assertThat(dreyer.get("language").asText()).isEqualTo("af"); // the pharmacy's default language
            assertThat(dreyer.get("report_date").asText()).isEqualTo(reportDate.toString());
            assertThat(dreyer.get("email").asText()).isEqualTo("st1@example.co.za");
            assertThat(dreyer.get("phone").asText()).isEqualTo("082 123 4567");
            assertThat(dreyer.get("current").asText()).isEqualTo("120.00");
            assertThat(dreyer.get("d30").asText()).isEqualTo("0.00");
            assertThat(dreyer.get("d60").asText()).isEqualTo("500.00");
            assertThat(dreyer.get("d150").asText()).isEqualTo("11000.00");
            assertThat(dreyer.get("d180").asText()).isEqualTo("0.00");
            assertThat(dreyer.get("balance").asText()).isEqualTo("11620.00");

            JsonNode english = first.get("ST3").get("statement");
            assertThat(english.get("language").asText()).isEqualTo("en"); // the account's language
            assertThat(english.get("d90").asText()).isEqualTo("250.50");
            assertThat(english.get("balance").asText()).isEqualTo("250.50");
            assertThat(english.get("phone").isNull()).isTrue();

            assertThat(first.get("ST2").get("channel").asText()).isEqualTo("sms");
            assertThat(first.get("ST2").get("statement").isNull()).isTrue(); // SMS carries no statement

            // the same policy without attach_statement: the next run's reminders carry none
            Map<String, Object> plain = policy("manual", 0, null);
            plain.put("attach_statement", false);
            assertThat(putPolicy(pharmacyId, plain, 200).getBoolean("attach_statement"))
                    .isFalse();
            Map<String, JsonNode> second = runNow(pharmacyId, reader);
            assertThat(second.keySet()).containsExactlyInAnyOrder("ST1", "ST2", "ST3");
            for (JsonNode event : second.values()) {
                assertThat(event.get("statement").isNull())
                        .as(event.get("acc_no").asText())
                        .isTrue();
            }
        }
    }
}
