package com.clinicsuite.debtor;

import static org.awaitility.Awaitility.await;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.auth.PharmacyUpserted;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.events.notifications.ChannelConfigured;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.vocabulary.ReportSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Drives debtor-service the way the other services do: by events on the real broker. */
final class Fixtures {

    private static final AtomicLong NEXT_PHARMACY = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 100);
    static final EventPublisher EVENTS = new EventPublisher();

    private Fixtures() {}

    /** A pharmacy announced by auth-service, with a fresh id so tests never share data. */
    static long pharmacy(String name) {
        long id = NEXT_PHARMACY.incrementAndGet();
        EVENTS.send(EventCatalog.PHARMACY_UPSERTED, Long.toString(id), new PharmacyUpserted(id, name, "P" + id, true));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT COUNT(*) FROM pharmacy WHERE id = ?", id) == 1);
        return id;
    }

    static void channels(long pharmacyId, boolean email, boolean sms) {
        EVENTS.send(
                EventCatalog.CHANNEL_CONFIGURED,
                Long.toString(pharmacyId),
                new ChannelConfigured(pharmacyId, email, sms));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "SELECT COUNT(*) FROM pharmacy_channel WHERE pharmacy_id = ? AND email_configured = ? AND sms_configured = ?",
                                pharmacyId,
                                email,
                                sms)
                        == 1);
    }

    /** The chunks import-service would publish for these accounts. */
    static List<DebtorReportChunk> chunks(
            long pharmacyId, String reportId, List<DebtorReportChunk.Account> accounts, int chunkSize) {
        int chunkCount = Math.max(1, (accounts.size() + chunkSize - 1) / chunkSize);
        List<DebtorReportChunk> chunks = new ArrayList<>();
        for (int i = 0; i < chunkCount; i++) {
            List<DebtorReportChunk.Account> part =
                    accounts.subList(i * chunkSize, Math.min(accounts.size(), (i + 1) * chunkSize));
            chunks.add(new DebtorReportChunk(
                    reportId,
                    pharmacyId,
                    "report-" + reportId + ".pdf",
                    "sha",
                    ReportSource.UPLOAD,
                    4L,
                    "writer",
                    Instant.parse("2025-11-16T08:00:00Z"),
                    null,
                    accounts.size(),
                    null,
                    i,
                    chunkCount,
                    part));
        }
        return chunks;
    }

    static void send(DebtorReportChunk chunk) {
        EVENTS.send(EventCatalog.DEBTOR_REPORT_CHUNK, Long.toString(chunk.pharmacyId()), chunk);
    }

    /** Sends a whole report and waits until debtor-service finished it; returns import-service's report id. */
    static String report(long pharmacyId, List<DebtorReportChunk.Account> accounts, int chunkSize) {
        String reportId = UUID.randomUUID().toString();
        chunks(pharmacyId, reportId, accounts, chunkSize).forEach(Fixtures::send);
        awaitFinished(reportId);
        return reportId;
    }

    static String awaitFinished(String reportId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "SELECT COUNT(*) FROM debtor_report WHERE import_report_id = ? AND status <> 'processing'",
                                reportId)
                        == 1);
        return reportStatus(reportId);
    }

    static String reportStatus(String reportId) {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT status FROM debtor_report WHERE import_report_id = ?")) {
            s.setString(1, reportId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the outbox relay sent the event whose payload contains {@code fragment}, so the topic exists
     * before a {@code TopicReader} subscribes (a consumer subscribed to a missing topic waits for a metadata refresh).
     */
    static void awaitRelayed(String fragment) {
        // generous: the relay's first send after boot waits for the producer's first metadata (tens of seconds on
        // a loaded machine)
        await().atMost(Duration.ofSeconds(120))
                .until(() -> count(
                                "SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ? AND sent_at IS NOT NULL",
                                "%" + fragment + "%")
                        > 0);
    }

    static long count(String sql, Object... parameters) {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every column of the pharmacy's debtor rows, by id: to prove a set is exactly unchanged. */
    static List<Map<String, Object>> debtorRows(long pharmacyId) {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM debtor WHERE pharmacy_id = ? ORDER BY id")) {
            s.setLong(1, pharmacyId);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs DDL/DML straight on the service's database (test-only triggers and constraints). */
    static void execute(String sql) {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ordinary account with the given amounts in d60 (others zero). */
    static DebtorReportChunk.Account account(String accNo, String name, String d60, String email, String phone) {
        BigDecimal zero = new BigDecimal("0.00");
        BigDecimal amount = new BigDecimal(d60);
        return new DebtorReportChunk.Account(
                accNo,
                name,
                new DebtorReportChunk.Amounts(zero, zero, amount, zero, zero, zero, zero, amount),
                email,
                phone,
                phone == null ? List.of() : List.of(phone),
                false,
                null,
                null,
                "00",
                null);
    }
}
