package com.clinicsuite.outbox;

import com.clinicsuite.vocabulary.StoredText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The consumers' dead letters ({@link InboxDeadLetter}): stored by the {@link Inbox}, listed and replayed by an
 * operator through {@code /ops/dead-letters}.
 * <p>
 * A replay sends the record back to its topic, same key, value and headers, plus {@value #REPLAY_FOR} naming the
 * consumer it is for. Every consumer group of the topic receives it; the inboxes of the other consumers ack it
 * untouched, the named consumer processes it like any message: once per event id (an event processed in the meantime
 * stays processed), transient failures held, a permanent failure dead-lettered again (same row, attempts + 1). When
 * it goes through, its row is marked resolved in the same transaction. Going through Kafka rather than calling the
 * handler here keeps the replay on the consumer's own path (its channel, its partition order, whatever it does after
 * the commit) and on whichever replica owns the partition. Outside consumers of the topic see the event id again, as
 * after any redelivery.
 */
@ApplicationScoped
public class DeadLetters {

    /** Header of a replayed record: the consumer it is replayed for. */
    static final String REPLAY_FOR = "clinicsuite-replay-for";
    /** Header of a replayed record: the event id it was dead-lettered under (a record without ce_id keeps it). */
    static final String REPLAY_EVENT_ID = "clinicsuite-replay-event-id";

    private static final int REPLAY_PAGE = 500;
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {};

    /** Which dead letters a list or a replay takes. */
    public enum Status {
        /** Not replayed since it last failed. */
        OPEN,
        /** Replayed, not yet processed. */
        REPLAYED,
        /** Processed after a replay. */
        RESOLVED,
        ALL;

        public static Optional<Status> parse(String text) {
            for (Status status : values()) {
                if (status.name().equalsIgnoreCase(text)) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A filter on consumer, topic and status; null consumer or topic: any. */
    public record Filter(String consumer, String topic, Status status) {}

    /** What a replayed record says. */
    record Replay(String consumer, String eventId) {}

    /** The broker did not take a replay; {@code replayed} went out before it. */
    public static class ReplayFailed extends RuntimeException {
        private final int replayed;

        public ReplayFailed(int replayed, Throwable cause) {
            super(
                    "The broker did not accept the replay (" + Failures.describe(cause) + "); " + replayed
                            + " dead letters were replayed before it. Try again when Kafka is reachable.",
                    cause);
            this.replayed = replayed;
        }

        public int replayed() {
            return replayed;
        }
    }

    private final ObjectMapper mapper;
    private final OrderedSender sender;
    private final Duration sendTimeout;

    public DeadLetters(ObjectMapper mapper, OrderedSender sender, OutboxConfig config) {
        this.mapper = mapper;
        this.sender = sender;
        this.sendTimeout = config.relay().sendTimeout();
    }

    /** The replay a record carries, if it is one. */
    static Optional<Replay> replayOf(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).flatMap(kafka -> {
            Header target = kafka.getHeaders().lastHeader(REPLAY_FOR);
            if (target == null) {
                return Optional.empty();
            }
            Header eventId = kafka.getHeaders().lastHeader(REPLAY_EVENT_ID);
            return Optional.of(new Replay(text(target), eventId == null ? null : text(eventId)));
        });
    }

    /**
     * Stores (or, for an event dead-lettered before, updates) the dead letter of a message, in a transaction of its
     * own. Item false, nothing stored: the consumer processed the event meanwhile (on another replica, say).
     */
    Uni<Boolean> store(String consumer, Message<String> message, String eventId, String eventType, Throwable cause) {
        String id = StoredText.cut(eventId, 200);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.withTransaction(() -> InboxEvent.<InboxEvent>findById(new InboxEvent.Key(consumer, id))
                .chain(processed -> processed != null
                        ? Uni.createFrom().item(false)
                        : InboxDeadLetter.<InboxDeadLetter>find("consumer = ?1 and eventId = ?2", consumer, id)
                                .firstResult()
                                .chain(existing -> {
                                    InboxDeadLetter row = existing != null ? existing : new InboxDeadLetter();
                                    if (existing == null) {
                                        row.consumer = consumer;
                                        row.eventId = id;
                                        row.firstFailedAt = now;
                                    }
                                    fill(row, message, eventType);
                                    row.error = StoredText.cut(Failures.describe(cause), 2000);
                                    row.lastFailedAt = now;
                                    row.attempts++;
                                    row.resolvedAt = null;
                                    return row.persist().replaceWith(true);
                                })));
    }

    /** In the caller's (the inbox's) transaction: a replayed event went through. */
    Uni<Void> resolve(String consumer, String eventId) {
        return InboxDeadLetter.update(
                        "resolvedAt = ?1 where consumer = ?2 and eventId = ?3 and resolvedAt is null",
                        OffsetDateTime.now(ZoneOffset.UTC),
                        consumer,
                        eventId)
                .replaceWithVoid();
    }

    /** Dead letters matching {@code filter}, oldest first. */
    public Uni<List<InboxDeadLetter>> list(Filter filter, int skip, int limit) {
        return Panache.withSession(
                () -> query(filter, null).range(skip, skip + limit - 1).list());
    }

    public Uni<Long> count(Filter filter) {
        return Panache.withSession(() -> query(filter, null).count());
    }

    public Uni<InboxDeadLetter> find(long id) {
        return Panache.withSession(() -> InboxDeadLetter.findById(id));
    }

    /** Replays one dead letter; null item when there is none with this id. Fails with {@link ReplayFailed}. */
    public Uni<InboxDeadLetter> replay(long id) {
        Context context = Vertx.currentContext();
        return find(id).chain(row -> row == null
                ? Uni.createFrom().nullItem()
                : send(List.of(row), context).map(replayed -> row));
    }

    /** Replays every dead letter matching {@code filter}, oldest first; item: how many. */
    public Uni<Integer> replayAll(Filter filter) {
        return replayAfter(filter, 0L, 0, Vertx.currentContext());
    }

    /** Keyset pages, so rows replayed (and failing again) during the call are not taken twice. */
    private Uni<Integer> replayAfter(Filter filter, long afterId, int done, Context context) {
        return Panache.withSession(
                        () -> query(filter, afterId).page(0, REPLAY_PAGE).list())
                .chain(rows -> rows.isEmpty()
                        ? Uni.createFrom().item(done)
                        : send(rows, context)
                                .onFailure(ReplayFailed.class)
                                .transform(e -> new ReplayFailed(done + ((ReplayFailed) e).replayed(), e.getCause()))
                                .chain(replayed -> rows.size() < REPLAY_PAGE
                                        ? Uni.createFrom().item(done + replayed)
                                        : replayAfter(filter, rows.get(rows.size() - 1).id, done + replayed, context)));
    }

    /**
     * Marks the rows replayed, sends them back to their topics in order, and takes the mark back from those the
     * broker did not take (stopping at the first refusal); fails with {@link ReplayFailed} when one was refused.
     * Marked first: the consumer may process (and dead-letter again) a replay before an answer reaches here, and its
     * failure must come after the mark. Item: how many went out.
     */
    private Uni<Integer> send(List<InboxDeadLetter> rows, Context context) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Long> ids = rows.stream().map(row -> row.id).toList();
        List<ProducerRecord<String, String>> records = new ArrayList<>(rows.size());
        for (InboxDeadLetter row : rows) {
            records.add(record(row));
        }
        return Panache.withTransaction(() -> InboxDeadLetter.update("replayedAt = ?1 where id in ?2", now, ids))
                .chain(marked -> sender.send(records, sendTimeout))
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(outcomes -> {
                    int acked = 0;
                    while (acked < rows.size() && outcomes.get(acked).acked()) {
                        acked++;
                    }
                    if (acked == rows.size()) {
                        rows.forEach(row -> row.replayedAt = now);
                        return Uni.createFrom().item(acked);
                    }
                    OrderedSender.Outcome refused = outcomes.get(acked);
                    Throwable failure = refused.failure() != null
                            ? refused.failure()
                            : new IllegalStateException("topic " + rows.get(acked).topic + " unreachable");
                    List<InboxDeadLetter> notSent = rows.subList(acked, rows.size());
                    int replayed = acked;
                    rows.subList(0, acked).forEach(row -> row.replayedAt = now);
                    return Panache.withTransaction(() -> Multi.createFrom()
                                    .iterable(notSent)
                                    .onItem()
                                    .transformToUniAndConcatenate(row -> InboxDeadLetter.update(
                                            "replayedAt = ?1 where id = ?2 and replayedAt = ?3",
                                            row.replayedAt,
                                            row.id,
                                            now))
                                    .collect()
                                    .last())
                            .chain(() -> Uni.createFrom().failure(new ReplayFailed(replayed, failure)));
                });
    }

    private ProducerRecord<String, String> record(InboxDeadLetter row) {
        RecordHeaders headers = new RecordHeaders();
        headersOf(row).forEach((name, value) -> {
            if (!name.equals(REPLAY_FOR) && !name.equals(REPLAY_EVENT_ID)) {
                headers.add(name, value.getBytes(StandardCharsets.UTF_8));
            }
        });
        headers.add(REPLAY_FOR, row.consumer.getBytes(StandardCharsets.UTF_8));
        headers.add(REPLAY_EVENT_ID, row.eventId.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(row.topic, null, row.key, row.payload, headers);
    }

    /** The record's headers as stored (names to UTF-8 texts). */
    public Map<String, String> headersOf(InboxDeadLetter row) {
        try {
            return mapper.readValue(row.headers, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Dead letter " + row.id + " has unreadable headers", e);
        }
    }

    /** The status of a dead letter (see {@link Status}). */
    public static Status status(InboxDeadLetter row) {
        if (row.resolvedAt != null) {
            return Status.RESOLVED;
        }
        return row.replayedAt != null && !row.replayedAt.isBefore(row.lastFailedAt) ? Status.REPLAYED : Status.OPEN;
    }

    private static PanacheQuery<InboxDeadLetter> query(Filter filter, Long afterId) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.consumer() != null) {
            where.add("consumer = :consumer");
            parameters.and("consumer", filter.consumer());
        }
        if (filter.topic() != null) {
            where.add("topic = :topic");
            parameters.and("topic", filter.topic());
        }
        switch (filter.status()) {
            case OPEN -> where.add("resolvedAt is null and (replayedAt is null or replayedAt < lastFailedAt)");
            case REPLAYED -> where.add("resolvedAt is null and replayedAt >= lastFailedAt");
            case RESOLVED -> where.add("resolvedAt is not null");
            case ALL -> {}
        }
        if (afterId != null) {
            where.add("id > :after");
            parameters.and("after", afterId);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return InboxDeadLetter.find(query, Sort.by("id"), parameters);
    }

    private void fill(InboxDeadLetter row, Message<String> message, String eventType) {
        Optional<IncomingKafkaRecordMetadata> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        row.eventType = eventType == null ? null : StoredText.cut(eventType, 200);
        row.topic = kafka.map(IncomingKafkaRecordMetadata::getTopic).orElse("unknown");
        row.partition = kafka.map(IncomingKafkaRecordMetadata::getPartition).orElse(-1);
        row.offset = kafka.map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
        row.key = kafka.map(m -> m.getKey() == null ? null : StoredText.cut(String.valueOf(m.getKey()), 1000))
                .orElse(null);
        Map<String, String> headers = new LinkedHashMap<>();
        kafka.ifPresent(m -> {
            for (Header header : m.getHeaders()) {
                if (header.value() != null) {
                    headers.put(header.key(), text(header));
                }
            }
        });
        try {
            row.headers = mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            row.headers = "{}"; // a map of strings always serialises; keep the dead letter regardless
        }
        row.payload = message.getPayload();
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
