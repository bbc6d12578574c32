package com.clinicsuite.web.errors;

import java.util.List;

/**
 * A business rule refused what was asked: thrown by services, repositories and consumers, which know nothing of HTTP
 * (they import no JAX-RS; docs/development.md, "Layers"). platform-web's {@link ApiErrorMappers} answers it as
 * {@code {"detail", "code", "errors"}} with the status of its {@link #kind()}; a consumer's inbox dead-letters it like
 * any other rule the data breaks.
 *
 * <p>The kinds: {@link NotFound} (404), {@link Conflict} (409), {@link Rejected} (400), {@link NotAllowed} (403),
 * {@link NotAuthenticated} (401); a value of the request that breaks a rule is an {@link UnprocessableEntityException}
 * (422, naming the field). The message is for people and says what to do; it never repeats personal data. The
 * {@link #code()} is for programs and never changes for a reason: the kind's default ({@code not_found},
 * {@code conflict}...) unless the reason needs its own.
 */
public abstract class DomainException extends RuntimeException {

    private final ErrorCode kind;
    private final String code;
    private final String field;

    protected DomainException(ErrorCode kind, String message, String code, String field) {
        super(message);
        this.kind = kind;
        this.code = code == null ? kind.code() : code;
        this.field = field;
    }

    /** What kind of refusal this is; its {@link ErrorCode#status()} is the answer's status. */
    public ErrorCode kind() {
        return kind;
    }

    /** The answer's stable {@code code}. */
    public String code() {
        return code;
    }

    /** The request field at fault (snake_case, as the caller wrote it), or null when it is not one field's fault. */
    public String field() {
        return field;
    }

    /** The answer's body: the message, the code and, when a field is named, {@code errors[]} with it. */
    public ApiError toApiError() {
        List<ApiError.FieldError> errors = field == null ? null : List.of(new ApiError.FieldError(field, getMessage()));
        return new ApiError(getMessage(), code, errors);
    }
}
