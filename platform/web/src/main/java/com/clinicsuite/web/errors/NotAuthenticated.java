package com.clinicsuite.web.errors;

/**
 * 401: the call carries no proof of who sent it, or a wrong one (an unsigned webhook call). The answer names the
 * scheme the caller must use in {@code WWW-Authenticate} ({@link #challenge()}).
 */
public class NotAuthenticated extends DomainException {

    private final String challenge;

    /** {@code challenge}: the {@code WWW-Authenticate} value, e.g. {@code Bearer} or {@code Signature}. */
    public NotAuthenticated(String message, String challenge) {
        super(ErrorCode.UNAUTHORIZED, message, null, null);
        this.challenge = challenge;
    }

    /** The authentication scheme the caller must use, answered in {@code WWW-Authenticate}. */
    public String challenge() {
        return challenge;
    }
}
