package com.clinicsuite.outbox;

import com.clinicsuite.events.EventType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Processes each received event at most once per consumer, and never gives up on one because of a bad day.
 * <ul>
 *   <li><b>Once</b>: the event id is recorded in {@code inbox_event} in the same transaction as the handler's
 *       changes, so a redelivery finds it and changes nothing.
 *   <li><b>Transient failures</b> (the "retryable?" predicate, {@link Failures#TRANSIENT} by default: database or
 *       broker away, timeouts, deadlocks, serialization failures) are retried with capped exponential backoff
 *       ({@code inbox.retry.initial-backoff} doubling up to {@code inbox.retry.max-backoff}) for as long as it takes.
 *       The message is held meanwhile: the channel takes the next record only once this one is acked, so nothing
 *       later of its partition overtakes it, and the connector commits no offset past it. {@link InboxRetries} shows
 *       it ({@code inbox_retrying}, {@code inbox_retrying_seconds}, readiness).
 *   <li><b>Permanent failures</b> (an unreadable payload, a rule the data breaks, a bug) are dead-lettered at once
 *       into the service's own {@code inbox_dead_letter} table, in a transaction of their own, and acked: the
 *       partition flows on. {@link DeadLetters} lists and replays them.
 * </ul>
 * The Kafka connector's offset handling must let a message be held for long; the platform's connector defaults
 * (META-INF/microprofile-config.properties) do: the throttled commit strategy's unprocessed-record age check is off,
 * and the consumer keeps polling with its partitions paused, so it stays in its group.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final InboxRetries retries;
    private final DeadLetters deadLetters;
    private final TraceContext traceContext;
    private final Vertx vertx;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private volatile boolean stopping;

    public Inbox(
            ObjectMapper mapper,
            MeterRegistry registry,
            InboxRetries retries,
            DeadLetters deadLetters,
            TraceContext traceContext,
            Vertx vertx,
            InboxConfig config) {
        this.mapper = mapper;
        this.registry = registry;
        this.retries = retries;
        this.deadLetters = deadLetters;
        this.traceContext = traceContext;
        this.vertx = vertx;
        this.initialBackoff = config.retry().initialBackoff();
        this.maxBackoff = config.retry().maxBackoff();
    }

    /**
     * Processes this message with the handler registered for its CloudEvents type ({@code ce_type}); a message of a
     * type {@code handlers} do not name (the topic carries events this consumer does not consume, e.g.
     * {@code debtors.report-movement.v1} beside {@code debtors.report-processed.v1}) is <b>skipped</b>: acked without
     * a transaction, without reading its data and without calling any handler, counted in
     * {@code inbox_skipped_total{consumer,type}} and logged at DEBUG. A message without a type is a broken contract
     * (the suite's events are binary-mode CloudEvents) and is dead-lettered. Otherwise as
     * {@link #process(String, Message, Class, Predicate, Function)}: once per event id, transient failures retried,
     * permanent ones dead-lettered.
     *
     * @return the handler's result once committed; null when skipped, processed before or dead-lettered. Never fails.
     */
    public <R> Uni<R> dispatch(String consumer, Message<String> message, Handlers<R> handlers) {
        String type = typeOf(message);
        Handler<?, R> handler = type == null ? null : handlers.byType.get(type);
        if (handler == null && type != null && DeadLetters.replayOf(message).isEmpty()) {
            retries.consumerSeen(consumer);
            registry.counter("inbox.skipped", "consumer", consumer, "type", type)
                    .increment();
            LOG.debugf("%s skipped event %s of type %s (not one it consumes)", consumer, idOf(message), type);
            return ack(message).replaceWith(() -> null);
        }
        if (handler == null) {
            // no type, or a replay of a type no handler takes (any more): kept as a dead letter, not dropped
            return process(
                    consumer,
                    message,
                    Object.class,
                    handlers.retryable,
                    event -> Uni.createFrom()
                            .failure(new PoisonMessageException(
                                    type == null
                                            ? "Event " + event.id() + " has no CloudEvents type (ce_type)"
                                            : "Event " + event.id() + " is of type " + type + ", which " + consumer
                                                    + " does not consume")));
        }
        return handler.process(this, consumer, message, handlers.retryable);
    }

    /**
     * {@link #dispatch} with one handler: messages of {@code type} go to {@code handler}, any other type on the topic
     * is skipped.
     */
    public <T, R> Uni<R> process(
            String consumer, Message<String> message, EventType<T> type, Function<ReceivedEvent<T>, Uni<R>> handler) {
        return dispatch(consumer, message, Handlers.on(type, handler));
    }

    /** The handlers of a consumer by CloudEvents type, and which failures are transient; for {@link #dispatch}. */
    public static final class Handlers<R> {

        private final Map<String, Handler<?, R>> byType = new LinkedHashMap<>();
        private Predicate<Throwable> retryable = Failures.TRANSIENT;

        private Handlers() {}

        /** Events of {@code type} (its data read as {@code type.dataClass()}) go to {@code handler}. */
        public static <T, R> Handlers<R> on(EventType<T> type, Function<ReceivedEvent<T>, Uni<R>> handler) {
            return new Handlers<R>().and(type, handler);
        }

        /** One more type this consumer consumes. */
        public <T> Handlers<R> and(EventType<T> type, Function<ReceivedEvent<T>, Uni<R>> handler) {
            if (byType.putIfAbsent(type.type(), new Handler<>(type.dataClass(), handler)) != null) {
                throw new IllegalArgumentException(type.type() + " has a handler already");
            }
            return this;
        }

        /** Which failures are transient ({@link Failures#TRANSIENT} unless set). */
        public Handlers<R> retryable(Predicate<Throwable> retryable) {
            this.retryable = retryable;
            return this;
        }

        /** The types handled, in registration order. */
        public Set<String> types() {
            return Collections.unmodifiableSet(byType.keySet());
        }
    }

    private record Handler<T, R>(Class<T> dataType, Function<ReceivedEvent<T>, Uni<R>> handler) {
        Uni<R> process(Inbox inbox, String consumer, Message<String> message, Predicate<Throwable> retryable) {
            return inbox.process(consumer, message, dataType, retryable, handler);
        }
    }

    /** {@link #process(String, Message, Class, Predicate, Function)} with the default {@link Failures#TRANSIENT}. */
    public <T, R> Uni<R> process(
            String consumer, Message<String> message, Class<T> dataType, Function<ReceivedEvent<T>, Uni<R>> handler) {
        return process(consumer, message, dataType, Failures.TRANSIENT, handler);
    }

    /**
     * Runs {@code handler} once for this message's event id, in a transaction, then acks. Use as the whole body of an
     * {@code @Incoming} method taking {@code Message<String>}; what is chained after it must not fail (a failed Uni
     * stops the channel): it runs after the commit, once the message is acked.
     *
     * @param consumer names the consumer: its processed ids and dead letters are its own (one per channel)
     * @param retryable which failures are transient; anything else is dead-lettered at once
     * @return the handler's result once committed, or null when the event was processed before or dead-lettered.
     *     It never fails.
     */
    public <T, R> Uni<R> process(
            String consumer,
            Message<String> message,
            Class<T> dataType,
            Predicate<Throwable> retryable,
            Function<ReceivedEvent<T>, Uni<R>> handler) {
        retries.consumerSeen(consumer);
        Optional<DeadLetters.Replay> replay = DeadLetters.replayOf(message);
        if (replay.isPresent() && !replay.get().consumer().equals(consumer)) {
            // another consumer of this topic asked for this record again; it is not ours to process
            registry.counter("inbox.replays_ignored", "consumer", consumer).increment();
            return ack(message).replaceWith(() -> null);
        }
        Delivery delivery = new Delivery(consumer, message, replay.isPresent(), currentContext());
        // the publisher's trace goes on here: the handler, its logs and the events it publishes (TraceContext)
        return traceContext.inConsumerSpan(consumer, message, idOf(message), () -> {
            ReceivedEvent<T> event;
            try {
                event = read(message, dataType);
            } catch (PoisonMessageException e) {
                return deadLetter(delivery, idOf(message), typeOf(message), e, null);
            }
            return attempt(delivery, event, retryable, handler, null);
        });
    }

    /** Reads the envelope and data of a message; throws {@link PoisonMessageException} when it cannot. */
    public <T> ReceivedEvent<T> read(Message<String> message, Class<T> dataType) {
        String id = idOf(message);
        String type = typeOf(message);
        String subject = cloudEvent(message).flatMap(m -> m.getSubject()).orElse(null);
        if (message.getPayload() == null) {
            throw new PoisonMessageException("Event " + id + " has no data");
        }
        try {
            return new ReceivedEvent<>(id, type, subject, mapper.readValue(message.getPayload(), dataType));
        } catch (Exception e) {
            throw new PoisonMessageException(
                    "Event " + id + " (" + type + ") is not a readable " + dataType.getSimpleName(), e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** What the inbox knows of one message while it handles it. */
    private record Delivery(String consumer, Message<String> message, boolean replayed, Context context) {}

    /** What one try did: the handler ran (its result), or the event had been processed before. */
    private record Applied<R>(R result, boolean duplicate) {}

    private <T, R> Uni<R> attempt(
            Delivery delivery,
            ReceivedEvent<T> event,
            Predicate<Throwable> retryable,
            Function<ReceivedEvent<T>, Uni<R>> handler,
            InboxRetries.Retry retry) {
        return applyOnce(delivery, event, handler)
                .onItem()
                .transformToUni(applied -> {
                    retries.finished(retry);
                    registry.counter(
                                    applied.duplicate() ? "inbox.duplicates" : "inbox.processed",
                                    "consumer",
                                    delivery.consumer())
                            .increment();
                    return ack(delivery.message()).replaceWith(applied.result());
                })
                .onFailure()
                .recoverWithUni(failure -> {
                    if (!retryable.test(failure)) {
                        retries.finished(retry);
                        return deadLetter(delivery, event.id(), event.type(), failure, null);
                    }
                    InboxRetries.Retry held = retries.failed(retry, delivery.consumer(), event.id(), failure);
                    return later(delivery, held).chain(() -> attempt(delivery, event, retryable, handler, held));
                });
    }

    private <T, R> Uni<Applied<R>> applyOnce(
            Delivery delivery, ReceivedEvent<T> event, Function<ReceivedEvent<T>, Uni<R>> handler) {
        InboxEvent.Key key = new InboxEvent.Key(delivery.consumer(), event.id());
        return Panache.withTransaction(() -> InboxEvent.<InboxEvent>findById(key)
                .chain(seen -> {
                    if (seen != null) {
                        return Uni.createFrom().item(new Applied<R>(null, true));
                    }
                    InboxEvent entry = new InboxEvent();
                    entry.key = key;
                    entry.processedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return handler.apply(event)
                            .call(result -> entry.persist())
                            .map(result -> new Applied<>(result, false));
                })
                // a replayed dead letter that went through (or had gone through already) is resolved
                .call(applied -> delivery.replayed()
                        ? deadLetters.resolve(delivery.consumer(), event.id())
                        : Uni.createFrom().voidItem()));
    }

    /**
     * Stores a dead letter and acks. Storing is retried like a transient failure for as long as it fails: the
     * message is held rather than dropped (if the database is away, so is every other way of keeping it).
     */
    private <R> Uni<R> deadLetter(
            Delivery delivery, String eventId, String eventType, Throwable cause, InboxRetries.Retry retry) {
        return deadLetters
                .store(delivery.consumer(), delivery.message(), eventId, eventType, cause)
                .onItem()
                .transformToUni(stored -> {
                    retries.finished(retry);
                    if (stored) {
                        registry.counter("inbox.dead_lettered", "consumer", delivery.consumer())
                                .increment();
                        // the reason only: payloads may carry personal data and never go to logs
                        LOG.errorf(
                                "%s dead-lettered event %s (%s): %s",
                                delivery.consumer(), eventId, eventType, Failures.describe(cause));
                    } else {
                        // another instance processed it meanwhile (a rebalance handed it over twice)
                        registry.counter("inbox.duplicates", "consumer", delivery.consumer())
                                .increment();
                    }
                    return ack(delivery.message()).replaceWith((R) null);
                })
                .onFailure()
                .recoverWithUni(failure -> {
                    InboxRetries.Retry held = retries.failed(retry, delivery.consumer(), eventId, failure);
                    return later(delivery, held).chain(() -> deadLetter(delivery, eventId, eventType, cause, held));
                });
    }

    /** Completes after the retry's backoff, back on the message's context (Hibernate Reactive needs it). */
    private Uni<Void> later(Delivery delivery, InboxRetries.Retry retry) {
        if (stopping) {
            // shutting down: leave the message unacked, it is redelivered after the restart
            return Uni.createFrom().nothing();
        }
        long delay = backoffMillis(retry.failures);
        Context context = delivery.context();
        return Uni.createFrom()
                .emitter(emitter ->
                        context.owner().setTimer(delay, id -> context.runOnContext(ignored -> emitter.complete(null))));
    }

    /** initial * 2^(failures-1), capped at the maximum, +-20 % so that replicas do not retry in step. */
    long backoffMillis(int failures) {
        double base = initialBackoff.toMillis() * Math.pow(2, Math.min(30, Math.max(0, failures - 1)));
        double capped = Math.min(base, maxBackoff.toMillis());
        return Math.max(1, Math.round(capped * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    private Context currentContext() {
        Context context = Vertx.currentContext();
        return context != null ? context : vertx.getOrCreateContext();
    }

    private static Uni<Void> ack(Message<String> message) {
        return Uni.createFrom().completionStage(message.ack());
    }

    @SuppressWarnings("unchecked")
    private static Optional<IncomingCloudEventMetadata<?>> cloudEvent(Message<String> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class).map(m -> (IncomingCloudEventMetadata<?>) m);
    }

    /** The CloudEvents id; else the id a replay carries; else the record's topic-partition-offset. */
    static String idOf(Message<String> message) {
        return cloudEvent(message)
                .map(m -> m.getId())
                .or(() -> DeadLetters.replayOf(message).map(DeadLetters.Replay::eventId))
                .orElseGet(() -> message.getMetadata(IncomingKafkaRecordMetadata.class)
                        .map(m -> m.getTopic() + "-" + m.getPartition() + "-" + m.getOffset())
                        .orElse("unknown"));
    }

    /** The message's CloudEvents type ({@code ce_type}), null when it has none. */
    public static String typeOf(Message<String> message) {
        return cloudEvent(message).map(m -> m.getType()).orElse(null);
    }
}
