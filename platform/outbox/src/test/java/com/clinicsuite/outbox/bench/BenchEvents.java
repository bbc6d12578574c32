package com.clinicsuite.outbox.bench;

import com.clinicsuite.events.EventType;
import com.clinicsuite.events.Lane;

/** The benchmark's events: a business ping its probe consumes, and an audit record nobody waits for. */
public final class BenchEvents {

    /** {@code seq} identifies a ping; {@code body} pads it to a realistic size. */
    public record Ping(long seq, String body) {}

    public static final EventType<Ping> BUSINESS = new EventType<>("test.bench-ping.v1", "bench.business", Ping.class);
    public static final EventType<Ping> AUDIT =
            new EventType<>("test.bench-searched.v1", "bench.audit", Ping.class, Lane.AUDIT);

    private BenchEvents() {}
}
