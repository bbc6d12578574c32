package com.clinicsuite.outbox.bench;

import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The consumer end of the latency benchmark: a real consumer (Inbox, transaction, inbox row) that notes when each
 * ping was applied. Its channel is enabled by {@link BenchProfile} only.
 */
@ApplicationScoped
public class LatencyProbe {

    /** Ping seq to System.nanoTime() at its commit in this consumer. */
    public static final Map<Long, Long> APPLIED = new ConcurrentHashMap<>();

    private final Inbox inbox;

    public LatencyProbe(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("bench-business")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(
                        "bench-probe",
                        message,
                        BenchEvents.Ping.class,
                        event -> Uni.createFrom().item(event.data().seq()))
                .invoke(seq -> {
                    if (seq != null) {
                        APPLIED.putIfAbsent(seq, System.nanoTime());
                    }
                })
                .replaceWithVoid();
    }
}
