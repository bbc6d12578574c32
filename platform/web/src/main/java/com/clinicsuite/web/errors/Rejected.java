package com.clinicsuite.web.errors;

/** 400: the request cannot be carried out as sent, for a reason outside its values (a channel the pharmacy has not configured, an account without a center). */
public class Rejected extends DomainException {

    /** With the default code ({@code bad_request}); e.g. {@code "Pharmacy 3 has no SMS channel configured"}. */
    public Rejected(String message) {
        this(message, null, null);
    }

    /** With a finer {@code code} (null: the default) and the request {@code field} at fault (null: none). */
    public Rejected(String message, String code, String field) {
        super(ErrorCode.BAD_REQUEST, message, code, field);
    }
}
