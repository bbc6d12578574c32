package com.clinicsuite.imports.debtors;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.auth.PharmacyUpserted;
import com.clinicsuite.imports.debtors.pdf.GroundTruth;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.KafkaBroker;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Shared helpers of the debtor report Quarkus tests. */
public final class DebtorTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    private DebtorTestSupport() {}

    /** A generated debtor report by its fixture name ({@code deb013/winterton_small.pdf}, see {@link GroundTruth}). */
    static byte[] fixture(String name) {
        return GroundTruth.pdf(name);
    }

    /** Announces the pharmacy as auth-service would and waits until import-service knows it. */
    public static void pharmacyExists(long pharmacyId) throws Exception {
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send(
                    EventCatalog.PHARMACY_UPSERTED,
                    Long.toString(pharmacyId),
                    new PharmacyUpserted(pharmacyId, "Test pharmacy " + pharmacyId, "T" + pharmacyId, true));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (queryLong("select count(*) from known_pharmacy where pharmacy_id = ?", pharmacyId) > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("pharmacy " + pharmacyId + " never reached import-service");
    }

    /** The DebtorReportChunk events of a pharmacy that reached the broker, as JSON. */
    static List<JsonNode> chunks(long pharmacyId, int atLeast, Duration timeout) {
        ensureTopic(EventCatalog.DEBTOR_REPORT_CHUNK.topic());
        try (TopicReader reader = new TopicReader(EventCatalog.DEBTOR_REPORT_CHUNK.topic())) {
            return reader.await(atLeast, r -> Long.toString(pharmacyId).equals(r.key()), timeout).stream()
                    .map(r -> {
                        try {
                            return JSON.readTree(r.value());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }

    /**
     * A reader subscribed before its topic exists only sees it at its next metadata refresh (minutes), so the
     * topic is created up front, as the broker would on the relay's first send.
     */
    private static void ensureTopic(String topic) {
        try (Admin admin = Admin.create(KafkaBroker.get().clientProperties())) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
                        .all()
                        .get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long queryLong(String sql, Object... args) throws Exception {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String queryString(String sql, Object... args) throws Exception {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
