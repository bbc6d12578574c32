package com.clinicsuite.outbox;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Sends many records at once, all in flight together, through the producer of the {@code outbox} channel, and
 * reports each one's outcome. The records are handed to the producer in list order from its single sending thread,
 * and the producer is idempotent with {@code acks=all} and at most 5 requests in flight per connection
 * (META-INF/microprofile-config.properties): Kafka then writes the records of one partition in that order, retries
 * included. Unlike the channel's emitter, nothing here re-sends a failed record behind later ones (the connector's
 * own {@code retries} would). A record the producer refuses as it takes it (too large, topic unknown) stops the later
 * records of its key (topic and key) in the list: they are not sent ({@link Outcome#NOT_SENT}).
 */
@ApplicationScoped
public class OrderedSender {

    /** The outgoing channel whose Kafka producer (and its configuration) every send uses. */
    static final String CHANNEL = "outbox";

    /** The outcome of one record. */
    public record Outcome(boolean acked, boolean attempted, Throwable failure) {
        static final Outcome ACKED = new Outcome(true, true, null);
        /** Not handed to the producer: an earlier record of its key (or topic, for missing metadata) was refused. */
        static final Outcome NOT_SENT = new Outcome(false, false, null);

        static Outcome failed(Throwable failure) {
            return new Outcome(false, true, failure);
        }
    }

    private final KafkaClientService clients;

    public OrderedSender(KafkaClientService clients) {
        this.clients = clients;
    }

    /**
     * Sends {@code records} in order and completes once each was acknowledged or failed, or after {@code timeout}
     * (records without an answer by then count as failed with a TimeoutException). Completes on a Kafka thread.
     */
    public Uni<List<Outcome>> send(List<ProducerRecord<String, String>> records, Duration timeout) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        AtomicReferenceArray<Outcome> outcomes = new AtomicReferenceArray<>(records.size());
        AtomicInteger pending = new AtomicInteger(records.size());
        KafkaProducer<String, String> producer = clients.getProducer(CHANNEL);
        if (producer == null) {
            return Uni.createFrom().failure(new IllegalStateException("The outbox channel has no Kafka producer yet"));
        }
        return Uni.createFrom()
                .<List<Outcome>>emitter(emitter -> {
                    Runnable settle = () -> {
                        if (pending.decrementAndGet() == 0) {
                            emitter.complete(snapshot(outcomes));
                        }
                    };
                    Consumer<Producer<String, String>> sendAll = kafka -> {
                        Set<String> unreachable = new HashSet<>();
                        Set<String> stopped = new HashSet<>();
                        for (int i = 0; i < records.size(); i++) {
                            ProducerRecord<String, String> record = records.get(i);
                            String orderKey = record.topic() + '\u0000' + record.key();
                            if (unreachable.contains(record.topic()) || stopped.contains(orderKey)) {
                                outcomes.set(i, Outcome.NOT_SENT);
                                settle.run();
                                continue;
                            }
                            int index = i;
                            try {
                                kafka.send(record, (metadata, failure) -> {
                                    outcomes.compareAndSet(
                                            index, null, failure == null ? Outcome.ACKED : Outcome.failed(failure));
                                    settle.run();
                                });
                            } catch (RuntimeException e) {
                                outcomes.compareAndSet(index, null, Outcome.failed(e));
                                settle.run();
                            }
                            // a failure answered while the producer took the record (too large, no metadata...) is
                            // known before the next record of its key: that one is not handed over, so it cannot be
                            // written ahead of the failed one
                            Outcome now = outcomes.get(index);
                            if (now != null && !now.acked()) {
                                stopped.add(orderKey);
                                if (now.failure() instanceof TimeoutException) {
                                    // no metadata: each further record of the topic would wait max.block.ms too
                                    unreachable.add(record.topic());
                                }
                            }
                        }
                    };
                    producer.runOnSendingThread(sendAll).subscribe().with(ignored -> {}, emitter::fail);
                })
                .ifNoItem()
                .after(timeout)
                .recoverWithItem(() -> {
                    List<Outcome> answered = new ArrayList<>(records.size());
                    TimeoutException late = new TimeoutException("no broker acknowledgement within " + timeout);
                    for (int i = 0; i < records.size(); i++) {
                        Outcome outcome = outcomes.get(i);
                        answered.add(outcome != null ? outcome : Outcome.failed(late));
                    }
                    return answered;
                });
    }

    private static List<Outcome> snapshot(AtomicReferenceArray<Outcome> outcomes) {
        List<Outcome> list = new ArrayList<>(outcomes.length());
        for (int i = 0; i < outcomes.length(); i++) {
            list.add(outcomes.get(i));
        }
        return list;
    }
}
