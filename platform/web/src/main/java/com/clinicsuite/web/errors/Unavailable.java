package com.clinicsuite.web.errors;

/**
 * 503: something the answer depends on (another service, the database, the broker) cannot answer now; trying again
 * later works. The answer carries {@code Retry-After} where the mapper knows a sensible wait.
 */
public class Unavailable extends DomainException {

    /** With the default code ({@code service_unavailable}); the message says what to do meanwhile. */
    public Unavailable(String message) {
        super(ErrorCode.SERVICE_UNAVAILABLE, message, null, null);
    }
}
