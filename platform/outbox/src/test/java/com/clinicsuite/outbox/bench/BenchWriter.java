package com.clinicsuite.outbox.bench;

import com.clinicsuite.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Writes the benchmark's events the way services do: in a transaction, through the outbox. */
@ApplicationScoped
public class BenchWriter {

    private static final String PADDING = "x".repeat(150);

    private final Outbox outbox;

    public BenchWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> ping(long seq) {
        return Panache.withTransaction(() -> outbox.publish(
                        BenchEvents.BUSINESS, "pharmacy-" + (seq % 50), new BenchEvents.Ping(seq, PADDING)))
                .replaceWithVoid();
    }

    /** {@code count} audit events with one INSERT, as the credit API log writes its voucher searches. */
    public Uni<Integer> audit(long firstSeq, int count) {
        List<BenchEvents.Ping> searches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            searches.add(new BenchEvents.Ping(firstSeq + i, PADDING));
        }
        return Panache.withTransaction(
                () -> outbox.publishAll(BenchEvents.AUDIT, searches, ping -> "voucher-" + (ping.seq() % 5000)));
    }
}
