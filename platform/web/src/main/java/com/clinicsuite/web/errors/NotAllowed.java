package com.clinicsuite.web.errors;

/** 403: the caller is known but may not do this (another center's records, a webhook that is not enabled); the message says why, unlike a role check's generic answer. */
public class NotAllowed extends DomainException {

    /** With the default code ({@code forbidden}); e.g. {@code "You can only access records of your center"}. */
    public NotAllowed(String message) {
        this(message, null, null);
    }

    /** With a finer {@code code} (null: the default) and the request {@code field} at fault (null: none). */
    public NotAllowed(String message, String code, String field) {
        super(ErrorCode.FORBIDDEN, message, code, field);
    }
}
