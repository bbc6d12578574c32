package com.clinicsuite.web.errors;

/** 409: what was asked contradicts the current state (a duplicate, the last admin, a promise already settled). */
public class Conflict extends DomainException {

    /** With the default code ({@code conflict}); e.g. {@code "Username 'x' is already taken"}. */
    public Conflict(String message) {
        this(message, null, null);
    }

    /** With a finer {@code code} (null: the default) and the request {@code field} at fault (null: none). */
    public Conflict(String message, String code, String field) {
        super(ErrorCode.CONFLICT, message, code, field);
    }
}
