package com.clinicsuite.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The inbox's settings ({@code inbox.*}); every service inherits the defaults. docs/operations.md lists them. */
@ConfigMapping(prefix = "inbox")
public interface InboxConfig {

    /**
     * How long a processed event id is remembered. It guards against a redelivery, so it must outlive the longest a
     * broker can redeliver (the topics' retention, 7 days by default).
     */
    @WithDefault("P14D")
    Duration retention();

    Retry retry();

    /**
     * Incoming channels that do not go through the Inbox (a module that reads its topic itself): {@link InboxMeters}
     * registers no consumer meters for them.
     */
    Optional<List<String>> channelsWithoutInbox();

    /** Transient failures are retried for as long as it takes, holding the message (see {@link Inbox}). */
    interface Retry {
        /** The first wait; each further wait doubles, up to {@link #maxBackoff()}. */
        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        /** Readiness goes DOWN while a consumer has been retrying one message for longer than this. */
        @WithDefault("PT1M")
        Duration unhealthyAfter();
    }
}
