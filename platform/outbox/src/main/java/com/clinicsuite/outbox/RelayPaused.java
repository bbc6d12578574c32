package com.clinicsuite.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Skips the scheduled relay while {@code outbox.relay.enabled=false} (tests drive it by hand; maintenance) and
 * outside the application's running time: the scheduler runs before SmallRye Reactive Messaging has wired the
 * {@code outbox} channel to Kafka (a relay run in that gap fails with SRMSG00019), and the database pool closes at
 * shutdown.
 */
@Singleton
public class RelayPaused implements Scheduled.SkipPredicate {

    private final boolean enabled;
    private volatile boolean started;

    public RelayPaused(@ConfigProperty(name = "outbox.relay.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    /** Default priority: runs after the messaging start-up observer (LIBRARY_BEFORE) has wired the channels. */
    void onStart(@Observes StartupEvent event) {
        started = true;
    }

    /** The pool and the channel close at shutdown; a run then would only log a failure. */
    void onStop(@Observes ShutdownEvent event) {
        started = false;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled || !started;
    }
}
