package com.clinicsuite.outbox;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code outbox.relay.enabled=false} stops the scheduled relay (tests drive it by hand; maintenance). */
@Singleton
public class RelayDisabled implements Scheduled.SkipPredicate {

    private final boolean enabled;

    public RelayDisabled(@ConfigProperty(name = "outbox.relay.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}
