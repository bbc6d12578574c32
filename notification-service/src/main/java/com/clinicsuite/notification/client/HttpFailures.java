package com.clinicsuite.notification.client;

import jakarta.ws.rs.WebApplicationException;
import java.util.OptionalInt;

/** What another service answered when a REST client call failed: the one place that reads the JAX-RS exception. */
public final class HttpFailures {

    private HttpFailures() {}

    /** The HTTP status the other service answered, or empty when it did not answer (refused, timed out, ...). */
    public static OptionalInt status(Throwable failure) {
        return failure instanceof WebApplicationException e
                ? OptionalInt.of(e.getResponse().getStatus())
                : OptionalInt.empty();
    }
}
