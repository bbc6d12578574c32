package com.clinicsuite.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Pauses the relay's timer while {@code outbox.relay.enabled=false} or {@link #hold()} was called (tests drive the
 * relay by hand with {@link OutboxRelay#relayOnce()}; maintenance), and outside the application's running time: a run before SmallRye Reactive Messaging has wired the {@code outbox}
 * channel to Kafka fails with SRMSG00019, and the database pool closes at shutdown.
 */
@Singleton
public class RelayPaused {

    private final boolean enabled;
    private volatile boolean started;
    private volatile boolean held;

    public RelayPaused(OutboxConfig config) {
        this.enabled = config.relay().enabled();
    }

    /** Default priority: runs after the messaging start-up observer (LIBRARY_BEFORE) has wired the channels. */
    void onStart(@Observes StartupEvent event) {
        started = true;
    }

    /** The pool and the channel close at shutdown; a run then would only log a failure. */
    void onStop(@Observes ShutdownEvent event) {
        started = false;
    }

    /** Stops the timer from starting runs (a run under way finishes) until {@link #release()}. */
    public void hold() {
        held = true;
    }

    public void release() {
        held = false;
    }

    public boolean isPaused() {
        return !enabled || !started || held;
    }
}
