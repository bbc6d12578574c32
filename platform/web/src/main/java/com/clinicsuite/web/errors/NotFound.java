package com.clinicsuite.web.errors;

/** 404: the thing asked for does not exist (or the caller may not know of it: a debtor of another pharmacy answers the same). */
public class NotFound extends DomainException {

    /** With the default code ({@code not_found}); e.g. {@code "Debtor 12 not found"}. */
    public NotFound(String message) {
        this(message, null, null);
    }

    /** With a finer {@code code} (null: the default) and the request {@code field} at fault (null: none). */
    public NotFound(String message, String code, String field) {
        super(ErrorCode.NOT_FOUND, message, code, field);
    }
}
