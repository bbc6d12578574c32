package com.clinicsuite.notification.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider did not accept a message. {@code retryable} for 429, 5xx, timeouts and broken connections;
 * never for other 4xx answers, which would fail again. The message is stored and published, never logged.
 */
public class DeliveryException extends RuntimeException {

    private final boolean retryable;
    private final Duration retryAfter;

    public DeliveryException(String message, boolean retryable, Duration retryAfter) {
        super(message, null, false, false);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, null);
    }

    public static DeliveryException transientFailure(String message) {
        return new DeliveryException(message, true, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** What the provider asked us to wait (Retry-After), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
