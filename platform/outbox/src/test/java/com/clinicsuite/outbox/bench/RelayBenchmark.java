package com.clinicsuite.outbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.outbox.OutboxCleanup;
import com.clinicsuite.outbox.OutboxRelay;
import com.clinicsuite.outbox.RelayPaused;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Outbox relay figures against the test-kit's PostgreSQL and Kafka, with the platform's production relay settings:
 * <ol>
 *   <li>drain rate: {@code bench.rows} (500,000) committed business rows, then as many audit rows, relayed from a
 *       standing start;
 *   <li>cleanup rate: those business rows, aged past the retention, deleted by {@link OutboxCleanup};
 *   <li>a business event's publish-to-consumer latency (commit to the consumer's commit, through the Inbox) while
 *       audit events are written at {@code bench.audit-rate} (3,000/s), then on top of a 300,000-event audit backlog.
 * </ol>
 * Prints figures; not part of the build (the class name does not match Surefire's includes): platform/outbox/bench/run.sh.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@WithTestResource(SuiteInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelayBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 500_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int AUDIT_RATE = Integer.getInteger("bench.audit-rate", 3_000);
    private static final int BACKLOG = Integer.getInteger("bench.backlog", 300_000);
    private static final Duration LONG = Duration.ofMinutes(30);

    @Inject
    OutboxRelay relay;

    @Inject
    RelayPaused paused;

    @Inject
    OutboxCleanup cleanup;

    @Inject
    BenchWriter writer;

    @Test
    @Order(1)
    void drainRate() throws Exception {
        for (String lane : List.of("business", "audit")) {
            String topic = "bench.drain-" + lane;
            paused.hold();
            await().atMost(LONG).until(() -> relayOnce().read() == 0);
            long inserted = System.nanoTime();
            execute("insert into outbox_event (event_id, event_type, topic, aggregate_key, payload, created_at,"
                    + " attempts, lane) select gen_random_uuid()::text, 'test.bench-ping.v1', '" + topic
                    + "', 'pharmacy-' || (i % 1000), '{\"seq\":' || i || ',\"body\":\"' || repeat('x', 150) || '\"}',"
                    + " now(), 0, '" + lane + "' from generate_series(1, " + ROWS + ") as i");
            execute("vacuum analyze outbox_event");
            print("%s rows committed in %.1f s", lane, seconds(inserted));
            long start = System.nanoTime();
            paused.release();
            await().atMost(LONG)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() ->
                            count("select count(*) from outbox_event where topic = '" + topic + "' and sent_at is null")
                                    == 0);
            double wall = seconds(start);
            print(
                    "drain, %s lane: %,d events in %.1f s = %,.0f events/s (from release, incl. up to 1 s to the"
                            + " first idle tick)",
                    lane, ROWS, wall, ROWS / wall);
            if (lane.equals("business")) {
                double db = scalar("select extract(epoch from max(sent_at) - min(sent_at)) from outbox_event where"
                        + " topic = '" + topic + "'");
                print("drain, business lane: first to last sent_at %.1f s = %,.0f events/s", db, ROWS / db);
            }
        }
    }

    @Test
    @Order(2)
    void cleanupRate() throws Throwable {
        execute("update outbox_event set sent_at = now() - interval '8 days' where topic = 'bench.drain-business'");
        execute("vacuum analyze outbox_event");
        long start = System.nanoTime();
        long deleted = VertxContextSupport.subscribeAndAwait(() -> cleanup.cleanUp());
        double took = seconds(start);
        print("cleanup: %,d relayed rows deleted in %.1f s = %,.0f rows/s", deleted, took, deleted / took);
        assertThat(deleted).isGreaterThanOrEqualTo(ROWS);
    }

    @Test
    @Order(3)
    void businessLatencyWhileAuditEventsAreWritten() throws Exception {
        latency("audit events written at " + AUDIT_RATE + "/s", SECONDS, false);
        latency("a " + BACKLOG + "-event audit backlog, plus " + AUDIT_RATE + "/s", SECONDS / 2, true);
    }

    private void latency(String under, int seconds, boolean backlog) throws Exception {
        if (backlog) {
            execute("insert into outbox_event (event_id, event_type, topic, aggregate_key, payload, created_at,"
                    + " attempts, lane) select gen_random_uuid()::text, 'test.bench-searched.v1', 'bench.audit',"
                    + " 'voucher-' || (i % 5000), '{\"seq\":' || i || ',\"body\":\"' || repeat('x', 150) || '\"}',"
                    + " now(), 0, 'audit' from generate_series(1, " + BACKLOG + ") as i");
        }
        Map<Long, Long> committed = new ConcurrentHashMap<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicLong audited = new AtomicLong();
        AtomicLong pings = new AtomicLong(backlog ? 1_000_000 : 0);
        long firstPing = pings.get();
        int perTick = AUDIT_RATE / 10;
        ScheduledExecutorService writers = Executors.newScheduledThreadPool(2);
        long start = System.nanoTime();
        writers.scheduleAtFixedRate(
                () -> {
                    try {
                        audited.addAndGet(VertxContextSupport.subscribeAndAwait(
                                () -> writer.audit(audited.get() + (backlog ? 10_000_000L : 0), perTick)));
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                },
                0,
                100,
                TimeUnit.MILLISECONDS);
        writers.scheduleAtFixedRate(
                () -> {
                    long seq = pings.getAndIncrement();
                    try {
                        VertxContextSupport.subscribeAndAwait(() -> writer.ping(seq));
                        committed.put(seq, System.nanoTime());
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                },
                10,
                50,
                TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(seconds + 60)).until(() -> seconds(start) >= seconds);
        writers.shutdown();
        writers.awaitTermination(30, TimeUnit.SECONDS);
        double took = seconds(start);
        long auditBacklog = count("select count(*) from outbox_event where topic = 'bench.audit' and sent_at is null");
        await().atMost(Duration.ofMinutes(5))
                .until(() -> committed.keySet().stream().allMatch(LatencyProbe.APPLIED::containsKey));
        List<Double> millis = new ArrayList<>();
        committed.forEach((seq, at) -> millis.add(Math.max(0, LatencyProbe.APPLIED.get(seq) - at) / 1_000_000.0));
        Collections.sort(millis);
        print(
                "latency with %s: %d business events (%d..%d), commit to consumer commit: p50 %.0f ms, p90 %.0f ms,"
                        + " p99 %.0f ms, max %.0f ms; audit written %,d in %.0f s (%,.0f/s), %,d audit rows unsent at"
                        + " the end; %d write failures",
                under,
                millis.size(),
                firstPing,
                pings.get() - 1,
                percentile(millis, 50),
                percentile(millis, 90),
                percentile(millis, 99),
                millis.get(millis.size() - 1),
                audited.get(),
                took,
                audited.get() / took,
                auditBacklog,
                failures.size());
        assertThat(failures).isEmpty();
    }

    private OutboxRelay.Round relayOnce() throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> relay.relayOnce());
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("bench: " + String.format(format, args));
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String sql) throws Exception {
        return (long) scalar(sql);
    }

    private static double scalar(String sql) throws Exception {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
