package com.clinicsuite.outbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.outbox.OutboxCleanup;
import com.clinicsuite.outbox.OutboxRelay;
import com.clinicsuite.outbox.RelayPaused;
import com.clinicsuite.testkit.PostgresServer;
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
            // the rows go out in id order (one lane, no failure): the last one sent means all were; a cheap probe,
            // so that polling takes nothing from the relay
            long last = count("select max(id) from outbox_event where topic = '" + topic + "'");
            Cpu before = Cpu.now();
            long start = System.nanoTime();
            paused.release();
            await().atMost(LONG)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() ->
                            count("select count(*) from outbox_event where id = " + last + " and sent_at is not null")
                                    == 1);
            double wall = seconds(start);
            Cpu used = Cpu.now().minus(before);
            assertThat(count("select count(*) from outbox_event where topic = '" + topic + "' and sent_at is null"))
                    .isZero();
            print(
                    "drain, %s lane: %,d events in %.1f s = %,.0f events/s (from release, incl. up to 1 s to the"
                            + " first idle tick)",
                    lane, ROWS, wall, ROWS / wall);
            print(
                    "drain, %s lane: CPU used: relay JVM %.1f s, PostgreSQL %.1f s; %,.0f events per CPU second of"
                            + " the two",
                    lane, used.jvm(), used.postgres(), ROWS / used.total());
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
    void businessLatencyWhileAuditEventsAreWritten() throws Throwable {
        latency("audit events written at " + AUDIT_RATE + "/s", SECONDS, false);
        latency("a " + BACKLOG + "-event audit backlog, plus " + AUDIT_RATE + "/s", SECONDS / 2, true);
    }

    private void latency(String under, int seconds, boolean backlog) throws Throwable {
        if (backlog) {
            execute("insert into outbox_event (event_id, event_type, topic, aggregate_key, payload, created_at,"
                    + " attempts, lane) select gen_random_uuid()::text, 'test.bench-searched.v1', 'bench.audit',"
                    + " 'voucher-' || (i % 5000), '{\"seq\":' || i || ',\"body\":\"' || repeat('x', 150) || '\"}',"
                    + " now(), 0, 'audit' from generate_series(1, " + BACKLOG + ") as i");
        } else {
            // warm up the probe's path (topic, partitions, the consumer's first transactions) before measuring
            for (long seq = -100; seq < 0; seq++) {
                long ping = seq;
                VertxContextSupport.subscribeAndAwait(() -> writer.ping(ping));
            }
            await().atMost(Duration.ofMinutes(5)).until(() -> LatencyProbe.APPLIED.containsKey(-1L));
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
                        committed.put(seq, System.currentTimeMillis());
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
        List<Double> total = new ArrayList<>();
        List<Double> relayed = new ArrayList<>();
        List<Double> consumed = new ArrayList<>();
        committed.forEach((seq, at) -> {
            LatencyProbe.Applied applied = LatencyProbe.APPLIED.get(seq);
            total.add((double) Math.max(0, applied.appliedAt() - at));
            relayed.add((double) Math.max(0, applied.sentAt() - at));
            consumed.add((double) Math.max(0, applied.appliedAt() - applied.sentAt()));
        });
        print(
                "latency with %s: %d business events (%d..%d), commit to consumer commit p50 %.0f ms, p90 %.0f ms,"
                        + " p99 %.0f ms, max %.0f ms (commit to broker p50 %.0f / p99 %.0f ms; broker to consumer"
                        + " commit p50 %.0f / p99 %.0f ms); audit written %,d in %.0f s (%,.0f/s), %,d audit rows"
                        + " unsent at the end; %d write failures",
                under,
                total.size(),
                firstPing,
                pings.get() - 1,
                percentile(total, 50),
                percentile(total, 90),
                percentile(total, 99),
                percentile(total, 100),
                percentile(relayed, 50),
                percentile(relayed, 99),
                percentile(consumed, 50),
                percentile(consumed, 99),
                audited.get(),
                took,
                audited.get() / took,
                auditBacklog,
                failures.size());
        assertThat(failures).isEmpty();
    }

    /**
     * CPU seconds used so far by this JVM (the relay) and the test-kit's PostgreSQL (postmaster and backends): on a
     * shared machine, events per CPU second say more than events per second. (The broker's JVM, started through a
     * shell, does not report its CPU time to ProcessHandle here; it is left out.)
     */
    record Cpu(double jvm, double postgres) {
        static Cpu now() {
            String port = " -p " + PostgresServer.get().port() + " ";
            double postgres = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(port))
                    .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                    .mapToDouble(Cpu::seconds)
                    .sum();
            return new Cpu(seconds(ProcessHandle.current()), postgres);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(jvm - earlier.jvm, postgres - earlier.postgres);
        }

        double total() {
            return jvm + postgres;
        }

        private static double seconds(ProcessHandle process) {
            return process.info()
                    .totalCpuDuration()
                    .map(d -> d.toMillis() / 1000.0)
                    .orElse(0.0);
        }
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

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
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
