package com.clinicsuite.outbox.bench;

import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The consumer end of the latency benchmark: a real consumer (Inbox, transaction, inbox row) that notes when each
 * ping was applied and when the relay sent it. Its channel is enabled by {@link BenchProfile} only.
 */
@ApplicationScoped
public class LatencyProbe {

    /** When a ping reached the broker and when this consumer committed it (epoch milliseconds). */
    public record Applied(long sentAt, long appliedAt) {}

    public static final Map<Long, Applied> APPLIED = new ConcurrentHashMap<>();

    private final Inbox inbox;

    public LatencyProbe(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("bench-business")
    public Uni<Void> consume(Message<String> message) {
        long sentAt = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getTimestamp().toEpochMilli())
                .orElse(0L);
        return inbox.process(
                        "bench-probe",
                        message,
                        BenchEvents.Ping.class,
                        event -> Uni.createFrom().item(event.data().seq()))
                .invoke(seq -> {
                    if (seq != null) {
                        APPLIED.putIfAbsent(seq, new Applied(sentAt, System.currentTimeMillis()));
                    }
                })
                .replaceWithVoid();
    }
}
