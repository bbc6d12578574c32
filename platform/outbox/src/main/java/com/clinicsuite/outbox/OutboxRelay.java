package com.clinicsuite.outbox;

import com.clinicsuite.events.Lane;
import com.clinicsuite.vocabulary.StoredText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Relays committed outbox rows to Kafka. A round, in one transaction:
 * <ol>
 *   <li>locks the relay row ({@code FOR UPDATE SKIP LOCKED}: one relay at a time across replicas, which keeps the
 *       order per key when a service runs several);
 *   <li>reads up to {@code outbox.relay.batch-size} unsent rows: the oldest {@link Lane#BUSINESS} rows first, then
 *       {@link Lane#AUDIT} rows with the room left, so an audit backlog delays a business event by one round at most.
 *       Parked rows, and the rows of a key behind a parked row, are not read: they take no room;
 *   <li>sends them all at once ({@link OrderedSender}: pipelined, in id order, idempotent producer), waits for the
 *       acknowledgements, and marks the acknowledged rows sent with one statement ({@link OutboxCleanup} deletes
 *       relayed audit rows after {@code outbox.audit-retention}, an hour, business rows after a week).
 * </ol>
 * A full round is followed at once by the next, so a backlog drains in one run.
 * <p>
 * <b>Order per key when a send fails.</b> The rule: nothing of a key (topic and aggregate key) is marked sent
 * ahead of an earlier event of that key. Rows are walked in id order per key; a row is marked sent only if every
 * earlier row of its key in the round was acknowledged. At a key's first failure, that row and every later row of the
 * key stay unsent, even those the broker acknowledged: they go out again, after it, in a later round, and consumers
 * drop the repeats by event id. What reaches the broker keeps the order too, as far as it can be known: a record the
 * producer refuses as it takes it (too large, unknown topic, no metadata) stops the later records of its key before
 * they are handed over ({@link OrderedSender}), and the idempotent producer keeps a partition's records in order
 * through its own retries. The one case left is the broker refusing a batch after accepting none of its earlier
 * ones but a later one (a topic limit below the producer's): payloads are bounded well below the broker's limit
 * ({@code outbox.max-payload-size}), so it is not expected; should it happen, consumers see that key's later event
 * before the earlier one.
 * <p>
 * A failure counts against its row ({@code attempts}) when it is the row's own: the error is not retriable (too
 * large, invalid), or the broker acknowledged other rows of the round. A round in which nothing got through (the
 * broker is away) counts nothing: an outage parks no row.
 * <p>
 * <b>Poison rows.</b> A row that failed {@code outbox.relay.max-attempts} times is parked ({@code parked_at}), counted
 * in {@code outbox_parked}, and listed and re-queued by the operations endpoints ({@link ParkedEvents}). A parked row
 * holds back the later rows of its own key (a consumer must never apply a newer event of an aggregate before an older
 * one: a pharmacy's name would go back, a report's chunks would be incomplete), but never other keys, and never the
 * batch window.
 * <p>
 * The timer: a Vert.x timer, not {@code @Scheduled} (Quarkus' scheduler looks at its triggers once a second). It ticks
 * every {@code outbox.relay.interval}, but a tick reads the outbox only while this instance published events in the
 * last {@value #HOT_WINDOW_MS} ms, or once every {@code outbox.relay.idle-interval} otherwise (rows of other replicas,
 * of a crashed run, of failed sends): an idle service costs one query a second. Runs never overlap.
 */
@Startup
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** How long after publishing an event the outbox is read at the fast pace. */
    static final long HOT_WINDOW_MS = 3_000;
    /** A relay that keeps failing (database or broker away) says so at most this often. */
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /**
     * The oldest sendable rows of a lane. The lane is a literal, not a parameter: the query then matches the lane's
     * partial index ({@code outbox_event_unsent_<lane>}, migration V0_2) in every plan, generic ones included;
     * through the primary key the database would walk every row already sent before reaching an unsent one.
     */
    private static String unsentQuery(Lane lane) {
        return "select new com.clinicsuite.outbox.OutboxRow(e.id, e.eventId, e.eventType, e.topic, e.aggregateKey,"
                + " e.payload, e.createdAt, e.lane, e.traceparent)"
                + " from OutboxEvent e where e.sentAt is null and e.parkedAt is null"
                + " and e.lane = '" + lane.column() + "'"
                + " and not exists (select 1 from OutboxEvent p where p.sentAt is null and p.parkedAt is not null"
                + " and p.topic = e.topic and p.aggregateKey = e.aggregateKey and p.id < e.id)"
                + " order by e.id";
    }

    private static final Map<Lane, String> UNSENT =
            Map.of(Lane.BUSINESS, unsentQuery(Lane.BUSINESS), Lane.AUDIT, unsentQuery(Lane.AUDIT));
    private static final String PARKED_COUNT =
            "select count(*) from OutboxEvent e where e.sentAt is null and e.parkedAt is not null";

    private final OrderedSender sender;
    private final OutboxStatements sql;
    private final OutboxConfig.Relay config;
    private final String source;
    private final Vertx vertx;
    private final RelayPaused paused;
    private final Counter failures;
    private final Counter runs;
    private final Map<String, Counter> relayed = new LinkedHashMap<>();
    private final Map<String, Timer> delays = new LinkedHashMap<>();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;
    private volatile long lastPublished = System.nanoTime() - HOT_WINDOW_MS * 1_000_000L;
    private long lastRun = System.nanoTime();
    private long lastWarned = System.nanoTime() - WARN_EVERY_NANOS;
    /** The parked count is read after a run that counted a failure, after a re-queue, and at least this often. */
    private static final long COUNT_PARKED_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private volatile long parkedCountedAt = System.nanoTime() - COUNT_PARKED_EVERY_NANOS;
    private volatile boolean parkedMayHaveChanged;

    /** What one round did. */
    public record Round(int read, int acked) {
        static final Round NONE = new Round(0, 0);
    }

    /**
     * @param channel not used to send: injecting it makes SmallRye create the {@code outbox} channel, whose producer
     *     (configuration, health check, metrics) {@link OrderedSender} sends with
     */
    public OutboxRelay(
            @Channel(OrderedSender.CHANNEL) MutinyEmitter<String> channel,
            OrderedSender sender,
            OutboxStatements sql,
            OutboxConfig config,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            MeterRegistry registry,
            Vertx vertx,
            RelayPaused paused) {
        this.sender = sender;
        this.sql = sql;
        this.config = config.relay();
        this.source = "urn:clinicsuite:" + applicationName;
        this.vertx = vertx;
        this.paused = paused;
        this.failures = registry.counter("outbox.relay.failures");
        this.runs = registry.counter("outbox.relay.runs");
        for (Lane lane : Lane.values()) {
            relayed.put(lane.column(), registry.counter("outbox.relayed", "lane", lane.column()));
            delays.put(
                    lane.column(),
                    Timer.builder("outbox.relay.delay")
                            .description("from an event's commit-time creation to the broker's acknowledgement")
                            .tag("lane", lane.column())
                            .register(registry));
        }
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
                .description("unsent outbox rows read by the last relay round")
                .register(registry);
        Gauge.builder("outbox.parked", parked, AtomicLong::get)
                .description("outbox rows parked after outbox.relay.max-attempts failed sends")
                .register(registry);
    }

    void startTimer(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(
                config.initialDelay().toMillis(), Math.max(1, config.interval().toMillis()), id -> runUnlessBusy());
    }

    /** Called by {@link Outbox#publish}: look at the outbox at the fast pace for a while. */
    void eventsPublished() {
        lastPublished = System.nanoTime();
    }

    void stopTimer(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    private void runUnlessBusy() {
        long now = System.nanoTime();
        boolean due = now - lastPublished < HOT_WINDOW_MS * 1_000_000L
                || now - lastRun >= config.idleInterval().toNanos();
        if (!due || paused.isPaused() || !running.compareAndSet(false, true)) {
            return;
        }
        lastRun = now;
        ReactiveWork.start(vertx, this::tick).whenComplete((done, failed) -> running.set(false));
    }

    /** One run: rounds until one reads less than a full batch (or gets nothing through). */
    Uni<Void> tick() {
        return Multi.createBy()
                .repeating()
                .uni(this::relayOnce)
                .whilst(round -> round.read() == config.batchSize() && round.acked() > 0)
                .collect()
                .with(java.util.stream.Collectors.summingInt(Round::acked))
                .invoke(acked -> {
                    if (acked > 0) {
                        runs.increment();
                    }
                })
                .chain(() -> parkedMayHaveChanged || System.nanoTime() - parkedCountedAt >= COUNT_PARKED_EVERY_NANOS
                        ? countParked()
                        : Uni.createFrom().voidItem())
                .replaceWithVoid()
                .onFailure()
                .invoke(this::warnRateLimited)
                .onFailure()
                .recoverWithNull();
    }

    /** Relays one round (see the class comment). */
    public Uni<Round> relayOnce() {
        // Round.NONE: another replica is relaying
        return JobLock.inTransaction(
                JobLock.RELAY,
                () -> Panache.getSession()
                        .chain(session -> unsent(session, Lane.BUSINESS, config.batchSize())
                                .chain(business -> unsent(session, Lane.AUDIT, config.batchSize() - business.size())
                                        .map(audit -> concat(business, audit)))
                                .chain(rows -> relay(session, rows))),
                Round.NONE);
    }

    private Uni<List<OutboxRow>> unsent(Mutiny.Session session, Lane lane, int limit) {
        if (limit <= 0) {
            return Uni.createFrom().item(List.of());
        }
        return session.createQuery(UNSENT.get(lane), OutboxRow.class)
                .setMaxResults(limit)
                .getResultList();
    }

    private Uni<Round> relay(Mutiny.Session session, List<OutboxRow> rows) {
        backlog.set(rows.size());
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Round.NONE);
        }
        Context context = Vertx.currentContext();
        List<ProducerRecord<String, String>> records = new ArrayList<>(rows.size());
        rows.forEach(row -> records.add(record(row)));
        return sender.send(records, config.sendTimeout())
                // back onto the session's own context before touching the database again
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(outcomes -> settle(session, rows, outcomes));
    }

    /** Marks what the broker acknowledged, in order per key, and records the failures (see the class comment). */
    private Uni<Round> settle(Mutiny.Session session, List<OutboxRow> rows, List<OrderedSender.Outcome> outcomes) {
        boolean anyAcked = outcomes.stream().anyMatch(OrderedSender.Outcome::acked);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Set<String> stopped = new HashSet<>();
        List<Long> sent = new ArrayList<>();
        Map<String, List<Long>> counted = new LinkedHashMap<>();
        Map<String, List<Long>> notCounted = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            OrderedSender.Outcome outcome = outcomes.get(i);
            if (stopped.contains(row.orderKey())) {
                continue; // behind a failed row of its key: sent again after it
            }
            if (outcome.acked()) {
                sent.add(row.id());
                relayed.get(row.lane()).increment();
                delays.get(row.lane()).record(Duration.between(row.createdAt(), now));
                continue;
            }
            stopped.add(row.orderKey());
            if (!outcome.attempted()) {
                continue;
            }
            failures.increment();
            Throwable failure = outcome.failure();
            boolean ownFault = anyAcked || !(failure instanceof RetriableException);
            parkedMayHaveChanged |= ownFault;
            (ownFault ? counted : notCounted)
                    .computeIfAbsent(StoredText.cut(String.valueOf(failure), 1000), e -> new ArrayList<>())
                    .add(row.id());
        }
        Uni<Void> writes = Uni.createFrom().voidItem();
        if (!sent.isEmpty()) {
            writes = writes.call(() -> execute(session, sql.markSent(), now, sql.ids(sent)));
        }
        for (Map.Entry<String, List<Long>> failed : counted.entrySet()) {
            writes = writes.call(() -> execute(
                    session,
                    sql.sendFailed(),
                    1,
                    failed.getKey(),
                    config.maxAttempts(),
                    now,
                    sql.ids(failed.getValue())));
        }
        for (Map.Entry<String, List<Long>> failed : notCounted.entrySet()) {
            writes = writes.call(() -> execute(
                    session,
                    sql.sendFailed(),
                    0,
                    failed.getKey(),
                    config.maxAttempts(),
                    now,
                    sql.ids(failed.getValue())));
        }
        int acked = sent.size();
        backlog.addAndGet(-acked);
        return writes.replaceWith(new Round(rows.size(), acked));
    }

    /**
     * The Kafka record of a row: keyed by aggregate, CloudEvents binary mode (ce_* headers, JSON value), and the
     * publisher's {@code traceparent} when it was traced.
     */
    private ProducerRecord<String, String> record(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.eventId());
        header(headers, "ce_type", row.eventType());
        header(headers, "ce_source", source);
        header(headers, "ce_subject", row.aggregateKey());
        header(
                headers,
                "ce_time",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.createdAt().withOffsetSameInstant(ZoneOffset.UTC)));
        header(headers, "content-type", "application/json");
        if (row.traceparent() != null) {
            // W3C trace context: the consumer's Inbox continues the publisher's trace (TraceContext)
            header(headers, TraceContext.TRACEPARENT, row.traceparent());
        }
        URI schema = DataSchemas.of(row.eventType());
        if (schema != null) {
            header(headers, "ce_dataschema", schema.toString());
        }
        return new ProducerRecord<>(row.topic(), null, null, row.aggregateKey(), row.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Uni<Integer> execute(Mutiny.Session session, String statement, Object... parameters) {
        Mutiny.MutationQuery query = session.createNativeQuery(statement);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    /** A parked row was re-queued: count again at the next run. */
    void parkedChanged() {
        parkedMayHaveChanged = true;
        eventsPublished();
    }

    private Uni<Void> countParked() {
        parkedMayHaveChanged = false;
        parkedCountedAt = System.nanoTime();
        return Panache.withSession(() -> Panache.getSession()
                        .chain(session ->
                                session.createQuery(PARKED_COUNT, Long.class).getSingleResult()))
                .invoke(count -> {
                    long before = parked.getAndSet(count);
                    if (count > before) {
                        LOG.errorf(
                                "%d outbox rows are parked after %d failed sends: see GET /ops/outbox/parked",
                                count, config.maxAttempts());
                    }
                })
                .replaceWithVoid();
    }

    private void warnRateLimited(Throwable failure) {
        long now = System.nanoTime();
        if (now - lastWarned >= WARN_EVERY_NANOS) {
            lastWarned = now;
            LOG.warnf("Outbox relay run failed (repeats are logged once a minute): %s", Failures.describe(failure));
        }
    }

    private static List<OutboxRow> concat(List<OutboxRow> first, List<OutboxRow> second) {
        if (second.isEmpty()) {
            return first;
        }
        List<OutboxRow> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return all;
    }
}
