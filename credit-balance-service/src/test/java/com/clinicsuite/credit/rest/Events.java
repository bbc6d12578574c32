package com.clinicsuite.credit.rest;

import java.time.Duration;

/** How long a test waits for an event to reach the broker. */
final class Events {

    /**
     * The platform's outbox relay first runs a minute after the application starts ({@code @Scheduled(delay = 1)}
     * counts in minutes), so the first test to wait for an event may wait that long.
     */
    static final Duration WAIT = Duration.ofSeconds(90);

    private Events() {}
}
