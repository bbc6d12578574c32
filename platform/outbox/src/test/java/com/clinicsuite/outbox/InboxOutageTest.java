package com.clinicsuite.outbox;

import static com.clinicsuite.outbox.OutboxTestSupport.cloudEvent;
import static com.clinicsuite.outbox.OutboxTestSupport.count;
import static com.clinicsuite.outbox.OutboxTestSupport.note;
import static com.clinicsuite.outbox.OutboxTestSupport.producer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.testkit.PostgresServer;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** The consumer while its database is away: it waits, holds its place, and loses or repeats nothing. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class InboxOutageTest {

    private static final int KEYS = 3;
    private static final int EVENTS_PER_KEY = 10;

    @Inject
    MeterRegistry registry;

    @Test
    void aTenSecondDatabaseOutageHoldsTheConsumerAndEveryEventIsAppliedOnceInOrderAfterwards() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            keys.add("outage-" + k + "-" + run);
        }
        PostgresServer postgres = PostgresServer.get();
        postgres.stop();
        try {
            try (KafkaProducer<String, String> producer = producer()) {
                for (int seq = 0; seq < EVENTS_PER_KEY; seq++) {
                    for (String key : keys) {
                        producer.send(cloudEvent(UUID.randomUUID().toString(), key, note(key, seq, "outage-" + seq)))
                                .get();
                    }
                }
            }
            // the consumer holds the first of them in transient retries, for the whole outage (~10 s)
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> gauge("inbox.retrying.seconds") >= 10);
            assertThat(gauge("inbox.retrying")).isGreaterThanOrEqualTo(1);
            // held longer than inbox.retry.unhealthy-after (3 s in tests): readiness says so
            given().when()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'Inbox consumers' }.status", equalTo("DOWN"));
        } finally {
            postgres.start();
        }
        await().atMost(Duration.ofSeconds(90))
                .until(() -> count("select count(*) from note_seen where note_key like 'outage-%-" + run + "'")
                        == KEYS * EVENTS_PER_KEY);
        assertThat(count("select count(distinct event_id) from note_seen where note_key like 'outage-%-" + run + "'"))
                .isEqualTo(KEYS * EVENTS_PER_KEY);
        assertThat(count("select count(*) from inbox_dead_letter where record_key like 'outage-%-" + run + "'"))
                .isZero();
        for (String key : keys) {
            assertThat(bodiesInAppliedOrder(key))
                    .as("order of " + key)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, EVENTS_PER_KEY)
                            .mapToObj(seq -> "outage-" + seq)
                            .toList());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("inbox.retrying") == 0);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().when()
                        .get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("checks.find { it.name == 'Inbox consumers' }.status", equalTo("UP")));
    }

    private double gauge(String name) {
        Gauge gauge = registry.find(name).tag("consumer", "note-consumer").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private static List<String> bodiesInAppliedOrder(String key) throws Exception {
        List<String> bodies = new ArrayList<>();
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("select body from note_seen where note_key = '" + key + "' order by id")) {
            while (rs.next()) {
                bodies.add(rs.getString(1));
            }
        }
        return bodies;
    }
}
