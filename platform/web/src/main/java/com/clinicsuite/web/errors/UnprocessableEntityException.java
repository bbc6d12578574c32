package com.clinicsuite.web.errors;

import java.util.List;

/** 422: the request was well-formed but its content fails validation; names the fields at fault. */
public class UnprocessableEntityException extends RuntimeException {

    private final List<ApiError.FieldError> errors;

    public UnprocessableEntityException(String detail, List<ApiError.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public UnprocessableEntityException(String field, String message) {
        this(field + ": " + message, List.of(new ApiError.FieldError(field, message)));
    }

    public List<ApiError.FieldError> errors() {
        return errors;
    }

    /** The answer's machine-readable {@code code}. */
    public String code() {
        return "validation_failed";
    }
}
