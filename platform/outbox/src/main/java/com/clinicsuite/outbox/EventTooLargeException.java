package com.clinicsuite.outbox;

/**
 * An event whose payload is larger than {@code outbox.max-payload-size}: the broker would refuse it, so
 * {@link Outbox#publish} refuses it first and the caller's transaction fails. Publish smaller chunks.
 */
public class EventTooLargeException extends IllegalArgumentException {

    public EventTooLargeException(String eventType, long bytes, long maxBytes) {
        super("Event " + eventType + " is " + bytes + " bytes of JSON, more than outbox.max-payload-size (" + maxBytes
                + " bytes) that the broker is sure to accept; publish it in smaller chunks");
    }
}
