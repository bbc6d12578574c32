package com.clinicsuite.outbox;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox's settings ({@code outbox.*}); every service inherits the defaults. docs/operations.md lists them. */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** How long relayed business events are kept, to tell what was sent when. Unsent rows are never deleted. */
    @WithDefault("P7D")
    Duration retention();

    /**
     * How long relayed audit events are kept: they come by the thousand a second and nothing in the suite reads them
     * back (their record is the topic and, for voucher searches, the API log), so they go much sooner.
     */
    @WithDefault("PT1H")
    Duration auditRetention();

    /**
     * The largest event payload (JSON, UTF-8 bytes) {@link Outbox#publish} accepts: below the broker's message limit
     * (1 MiB by default) with room for the key and headers, so an accepted event can always be relayed.
     */
    @WithDefault("900K")
    MemorySize maxPayloadSize();

    Relay relay();

    Cleanup cleanup();

    interface Relay {
        /** {@code false} stops the relay's timer (tests drive the relay by hand; maintenance). */
        @WithDefault("true")
        boolean enabled();

        /** Events read and sent per round: business first, audit with what is left. */
        @WithDefault("2000")
        int batchSize();

        /** The timer's pace while this instance published in the last 3 s. */
        @WithDefault("PT0.1S")
        Duration interval();

        @WithDefault("PT1S")
        Duration initialDelay();

        /** The pace otherwise (rows of other replicas, of a crashed run, of failed sends). */
        @WithDefault("PT1S")
        Duration idleInterval();

        /** A round gives up waiting for acknowledgements after this; unacknowledged rows are sent again. */
        @WithDefault("PT20S")
        Duration sendTimeout();

        /** Failed sends after which a row is parked (set aside until an operator re-queues it). */
        @WithDefault("10")
        int maxAttempts();
    }

    interface Cleanup {
        /** How often relayed rows and old inbox rows are deleted; {@code off} switches it off (a DBA job prunes). */
        @WithDefault("10m")
        String interval();

        /** Rows per delete transaction. */
        @WithDefault("5000")
        int batchSize();
    }
}
