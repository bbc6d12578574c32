package com.clinicsuite.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Processes each received event at most once per consumer: the event id is recorded in {@code inbox_event}
 * in the same transaction as the handler's changes, so a redelivery finds it and changes nothing. Transient
 * failures are retried with exponential backoff; when the retries are spent (or the message cannot be read at
 * all) the message is nacked, and the channel's {@code failure-strategy=dead-letter-queue} moves it to the
 * dead-letter topic so the partition keeps flowing.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final int maxRetries;
    private final Duration initialBackoff;

    public Inbox(
            ObjectMapper mapper,
            MeterRegistry registry,
            @ConfigProperty(name = "inbox.max-retries", defaultValue = "4") int maxRetries,
            @ConfigProperty(name = "inbox.initial-backoff", defaultValue = "PT0.2S") Duration initialBackoff) {
        this.mapper = mapper;
        this.registry = registry;
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
    }

    /**
     * Runs {@code handler} once for this message's event id, in a transaction, then acks; nacks after the
     * retries are spent. Use as the whole body of an {@code @Incoming} method taking {@code Message<String>}.
     */
    public <T> Uni<Void> process(
            String consumer,
            Message<String> message,
            Class<T> dataType,
            Function<ReceivedEvent<T>, Uni<Void>> handler) {
        ReceivedEvent<T> event;
        try {
            event = read(message, dataType);
        } catch (PoisonMessageException e) {
            return deadLetter(consumer, message, "unknown", e);
        }
        return Panache.withTransaction(() -> InboxEvent.<InboxEvent>findById(new InboxEvent.Key(consumer, event.id()))
                        .chain(seen -> {
                            if (seen != null) {
                                registry.counter("inbox.duplicates", "consumer", consumer)
                                        .increment();
                                return Uni.createFrom().voidItem();
                            }
                            InboxEvent entry = new InboxEvent();
                            entry.key = new InboxEvent.Key(consumer, event.id());
                            entry.processedAt = OffsetDateTime.now(ZoneOffset.UTC);
                            return handler.apply(event)
                                    .chain(() -> entry.persist())
                                    .replaceWithVoid();
                        }))
                .onFailure(e -> !(e instanceof PoisonMessageException))
                .retry()
                .withBackOff(initialBackoff, initialBackoff.multipliedBy(20))
                .atMost(maxRetries)
                .onItem()
                .transformToUni(ignored -> {
                    registry.counter("inbox.processed", "consumer", consumer).increment();
                    return Uni.createFrom().completionStage(message.ack());
                })
                .onFailure()
                .recoverWithUni(e -> deadLetter(consumer, message, event.id(), e));
    }

    /** Reads the envelope and data of a message; throws {@link PoisonMessageException} when it cannot. */
    public <T> ReceivedEvent<T> read(Message<String> message, Class<T> dataType) {
        @SuppressWarnings("unchecked")
        Optional<IncomingCloudEventMetadata<?>> ce =
                message.getMetadata(IncomingCloudEventMetadata.class).map(m -> (IncomingCloudEventMetadata<?>) m);
        String id = ce.map(m -> m.getId()).orElseGet(() -> fallbackId(message));
        String type = ce.map(m -> m.getType()).orElse(null);
        String subject = ce.flatMap(m -> m.getSubject()).orElse(null);
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

    private Uni<Void> deadLetter(String consumer, Message<String> message, String eventId, Throwable cause) {
        registry.counter("inbox.dead_lettered", "consumer", consumer).increment();
        // The reason only: payloads may carry personal data and never go to logs.
        LOG.errorf(
                "%s gives up on event %s after retries, sending it to the dead-letter topic: %s",
                consumer, eventId, cause.toString());
        return Uni.createFrom().completionStage(message.nack(cause));
    }

    private static String fallbackId(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + "-" + m.getOffset())
                .orElseThrow(() -> new PoisonMessageException("Message without an event id"));
    }
}
