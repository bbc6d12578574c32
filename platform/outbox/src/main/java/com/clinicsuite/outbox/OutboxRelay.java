package com.clinicsuite.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

/**
 * Relays committed outbox rows to Kafka. Per tick: lock the relay row (one relay at a time across replicas),
 * read the oldest unsent rows, send each key's events one after another (keys in parallel), and mark a row
 * sent only once the broker acknowledged it. A key stops at its first failure so a later event never
 * overtakes an earlier one; the next tick retries. Kafka consumers therefore see every event at least once,
 * in order per key; the inbox makes the repeat harmless.
 */
@Startup
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** How long after publishing an event the outbox is read at the fast pace. */
    static final long HOT_WINDOW_MS = 3_000;

    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final Duration sendTimeout;
    private final URI source;
    private final Counter relayed;
    private final Counter failures;
    /** Runs that relayed at least one event: a backlog of many batches should take one. */
    private final Counter runs;

    private final AtomicLong backlog = new AtomicLong();
    private final Duration interval;
    private final Duration initialDelay;
    private final Vertx vertx;
    private final RelayPaused paused;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Duration idleInterval;
    private long timer = -1;
    private volatile long lastPublished = System.nanoTime() - HOT_WINDOW_MS * 1_000_000L;
    private long lastRun = System.nanoTime();

    public OutboxRelay(
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    MutinyEmitter<String> emitter,
            @ConfigProperty(name = "outbox.relay.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "outbox.relay.send-timeout", defaultValue = "PT20S") Duration sendTimeout,
            @ConfigProperty(name = "outbox.relay.interval", defaultValue = "PT0.1S") Duration interval,
            @ConfigProperty(name = "outbox.relay.initial-delay", defaultValue = "PT1S") Duration initialDelay,
            @ConfigProperty(name = "outbox.relay.idle-interval", defaultValue = "PT1S") Duration idleInterval,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            MeterRegistry registry,
            Vertx vertx,
            RelayPaused paused) {
        this.emitter = emitter;
        this.interval = interval;
        this.initialDelay = initialDelay;
        this.idleInterval = idleInterval;
        this.vertx = vertx;
        this.paused = paused;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.source = URI.create("urn:clinicsuite:" + applicationName);
        this.relayed = registry.counter("outbox.relayed");
        this.failures = registry.counter("outbox.relay.failures");
        this.runs = registry.counter("outbox.relay.runs");
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
                .description("unsent outbox rows seen by the last relay run")
                .register(registry);
    }

    /**
     * Starts the relay's timer. A Vert.x timer, not {@code @Scheduled}: Quarkus' scheduler looks at its triggers
     * once a second whatever their interval, so every relay hop waited up to a second (two hops, upload to applied,
     * up to two). The timer ticks every {@code outbox.relay.interval}, but a tick reads the outbox only while this
     * instance published events in the last {@value #HOT_WINDOW_MS} ms (their transactions are about to commit),
     * or once every {@code outbox.relay.idle-interval} otherwise (rows of other replicas, of a crashed run): an idle
     * service costs one query a second, not ten. Runs never overlap; the first comes after
     * {@code outbox.relay.initial-delay}.
     */
    void startTimer(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(initialDelay.toMillis(), Math.max(1, interval.toMillis()), id -> runUnlessBusy());
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
        boolean due = now - lastPublished < HOT_WINDOW_MS * 1_000_000L || now - lastRun >= idleInterval.toNanos();
        if (!due || paused.isPaused() || !running.compareAndSet(false, true)) {
            return;
        }
        lastRun = now;
        ReactiveWork.start(vertx, this::tick).whenComplete((done, failed) -> running.set(false));
    }

    Uni<Void> tick() {
        // a full batch means more may be waiting: relay them now rather than a tick (a second) later each
        return Multi.createBy()
                .repeating()
                .uni(this::relayOnce)
                .whilst(sent -> sent == batchSize)
                .collect()
                .with(Collectors.summingInt(Integer::intValue))
                .invoke(sent -> {
                    if (sent > 0) {
                        runs.increment();
                    }
                })
                .replaceWithVoid()
                .onFailure()
                .invoke(e -> LOG.warnf("Outbox relay run failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull();
    }

    /** Relays one batch; returns how many events the broker acknowledged. */
    public Uni<Integer> relayOnce() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.find(RelayLock.class, 1, LockMode.UPGRADE_SKIPLOCKED))
                .chain(lock -> lock == null
                        ? Uni.createFrom().item(0) // another replica is relaying
                        : OutboxEvent.<OutboxEvent>find("sentAt is null order by id")
                                .page(0, batchSize)
                                .list()
                                .chain(this::sendAll)));
    }

    private Uni<Integer> sendAll(List<OutboxEvent> events) {
        backlog.set(events.size());
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Context context = Vertx.currentContext();
        Map<String, List<OutboxEvent>> byKey = new LinkedHashMap<>();
        for (OutboxEvent event : events) {
            byKey.computeIfAbsent(event.topic + '\u0000' + event.aggregateKey, k -> new ArrayList<>())
                    .add(event);
        }
        List<OutboxEvent> acked = Collections.synchronizedList(new ArrayList<>());
        List<Uni<Void>> chains = new ArrayList<>();
        for (List<OutboxEvent> keyEvents : byKey.values()) {
            int[] sent = {0};
            chains.add(Multi.createFrom()
                    .iterable(keyEvents)
                    .onItem()
                    .transformToUniAndConcatenate(event -> send(event).invoke(() -> {
                        acked.add(event);
                        sent[0]++;
                    }))
                    .collect()
                    .last()
                    .onFailure()
                    .invoke(e -> {
                        // the key's chain stopped at this event; later ones wait for the next run
                        OutboxEvent failed = keyEvents.get(sent[0]);
                        failed.attempts++;
                        failed.lastError = truncate(e.toString());
                        failures.increment();
                    })
                    .onFailure()
                    .recoverWithNull()
                    .replaceWithVoid());
        }
        return Uni.join()
                .all(chains)
                .andCollectFailures()
                // back onto the session's own context before touching managed entities again
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(ignored -> markSent(acked))
                .map(ignored -> {
                    relayed.increment(acked.size());
                    backlog.addAndGet(-acked.size());
                    return acked.size();
                });
    }

    /** One UPDATE for the batch rather than one per row from dirty checking (failed rows still flush theirs). */
    private static Uni<Integer> markSent(List<OutboxEvent> acked) {
        if (acked.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Long> ids = acked.stream().map(event -> event.id).toList();
        return Panache.getSession()
                .chain(session -> session.createMutationQuery("update OutboxEvent set sentAt = :now where id in :ids")
                        .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                        .setParameter("ids", ids)
                        .executeUpdate());
    }

    private Uni<Void> send(OutboxEvent event) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.aggregateKey)
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.eventId)
                .withType(event.eventType)
                .withSource(source)
                .withSubject(event.aggregateKey)
                .withTimestamp(event.createdAt.toZonedDateTime())
                .withDataContentType("application/json")
                .withDataSchema(DataSchemas.of(event.eventType))
                .build();
        // An ack that never comes must not stall the relay forever (runs never overlap): give up on this event,
        // count an attempt, and let the next run send it again.
        return emitter.sendMessage(Message.of(event.payload, Metadata.of(kafka, cloudEvent)))
                .ifNoItem()
                .after(sendTimeout)
                .failWith(() -> new IllegalStateException("no broker acknowledgement within " + sendTimeout));
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
