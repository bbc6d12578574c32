package com.clinicsuite.notification.support;

import static io.restassured.RestAssured.given;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.vocabulary.ReminderChannel;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Pharmacies, reminders and database reads shared by the tests; each test takes fresh pharmacy ids. */
public final class TestData {

    private static final AtomicLong NEXT_PHARMACY = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 100);
    private static final EventPublisher PUBLISHER = new EventPublisher();

    private TestData() {}

    public static long newPharmacyId() {
        return NEXT_PHARMACY.incrementAndGet();
    }

    public static void configure(long pharmacyId, Map<String, Object> settings) {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(settings)
                .put("/pharmacies/{id}/notification-settings", pharmacyId)
                .then()
                .statusCode(200);
    }

    public static Map<String, Object> smtpSettings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("email_provider", "smtp");
        s.put("from_email", "accounts@winterton.example");
        s.put("from_name", "Winterton Pharmacy");
        s.put("reply_to", "accounts@winterton.example");
        s.put("display_name", "Winterton Pharmacy");
        s.put("contact_phone", "036 000 0000");
        s.put("bank_details", "FNB 62000000000 branch 250655");
        return s;
    }

    public static ReminderRequested reminder(long pharmacyId, String channel, String recipient) {
        Map<String, BigDecimal> buckets = new LinkedHashMap<>();
        buckets.put("d60", new BigDecimal("1000.00"));
        buckets.put("d90", new BigDecimal("234.56"));
        return new ReminderRequested(
                UUID.randomUUID().toString(),
                pharmacyId,
                77,
                "ACC" + pharmacyId,
                ReminderChannel.fromCode(channel),
                recipient,
                "Thandi Nkosi",
                new BigDecimal("1234.56"),
                buckets,
                "writer",
                Instant.now());
    }

    public static String publish(ReminderRequested reminder) {
        return PUBLISHER.send(EventCatalog.REMINDER_REQUESTED, Long.toString(reminder.pharmacyId()), reminder);
    }

    public static String publish(ReminderRequested reminder, String eventId) {
        return PUBLISHER.send(EventCatalog.REMINDER_REQUESTED, Long.toString(reminder.pharmacyId()), reminder, eventId);
    }

    public static void publishRaw(String payload, String key) {
        PUBLISHER.sendRaw(
                EventCatalog.REMINDER_REQUESTED.topic(),
                EventCatalog.REMINDER_REQUESTED.type(),
                key,
                payload,
                UUID.randomUUID().toString());
    }

    /** A delivery row as the database holds it. */
    public record Row(
            String reminderId, String status, String provider, String externalId, String error, int attempts) {}

    public static Row delivery(String reminderId) {
        List<Row> rows = query(
                "select reminder_id, status, provider, external_id, error, attempts from delivery "
                        + "where reminder_id = ?",
                reminderId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public static List<Row> deliveriesOf(long pharmacyId) {
        return query(
                "select reminder_id, status, provider, external_id, error, attempts from delivery "
                        + "where pharmacy_id = ? order by id",
                pharmacyId);
    }

    public static void execute(String sql, Object... args) {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String scalar(String sql, Object... args) {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Row> query(String sql, Object arg) {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, arg);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getInt(6)));
                }
            }
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
