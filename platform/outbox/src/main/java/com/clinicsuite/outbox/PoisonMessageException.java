package com.clinicsuite.outbox;

/** A message that can never be processed (unreadable, wrong type): dead-lettered at once, not retried. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonMessageException(String message) {
        super(message);
    }
}
