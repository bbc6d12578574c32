package com.clinicsuite.web.errors;

import java.util.Arrays;
import java.util.Optional;

/**
 * The stable {@code code} of every error answer, the same in all services: a client switches on it, never on the
 * wording of {@code detail}. Each HTTP status has a default code ({@link #forStatus}) that an answer without a finer
 * one gets; the finer ones say why (a body that is not JSON, a revoked token, a control character). A service may add
 * codes of its own for a reason only it has ({@code invalid_credentials}, {@code too_many_attempts},
 * {@code template_*}); docs/development.md lists them all, and the OpenAPI error schema ({@code ApiError}) lists
 * these.
 */
public enum ErrorCode {
    BAD_REQUEST("bad_request", 400, true, "The request cannot be read as sent: a missing part or header"),
    MALFORMED_JSON("malformed_json", 400, false, "The body is not JSON: a syntax error (nothing was read)"),
    MALFORMED_MULTIPART(
            "malformed_multipart", 400, false, "A multipart body whose part headers or boundaries cannot be read"),
    UNAUTHORIZED("unauthorized", 401, true, "No token, or one that is malformed, expired or wrongly signed"),
    TOKEN_REVOKED("token_revoked", 401, false, "The user's access changed after the token was issued: sign in again"),
    FORBIDDEN("forbidden", 403, true, "Authenticated, but the role, center or pharmacy grant does not allow this"),
    NOT_FOUND("not_found", 404, true, "No such resource (or one the caller may not know of)"),
    METHOD_NOT_ALLOWED("method_not_allowed", 405, true, "The path exists, but not with this HTTP method"),
    NOT_ACCEPTABLE("not_acceptable", 406, true, "The Accept header names no type the endpoint can answer"),
    CONFLICT("conflict", 409, true, "The request contradicts the current state (a duplicate, a last admin)"),
    PAYLOAD_TOO_LARGE("payload_too_large", 413, true, "The body or file is larger than the endpoint accepts"),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415, true, "The Content-Type or the file's type is not accepted"),
    VALIDATION_FAILED(
            "validation_failed", 422, true, "Well-formed, but a value does not fit its field; errors[] names each"),
    INVALID_CHARACTERS("invalid_characters", 422, false, "A value holds a control character; errors[] names the field"),
    RATE_LIMITED("rate_limited", 429, true, "Too many requests for now; Retry-After says when to try again"),
    CLIENT_ERROR("client_error", 0, false, "Any other 4xx status (the status tells the rest)"),
    INTERNAL_ERROR("internal_error", 500, true, "A fault of the service; it was logged"),
    SERVICE_UNAVAILABLE("service_unavailable", 503, true, "The service or one it depends on is not available now"),
    DEPENDENCY_UNAVAILABLE(
            "dependency_unavailable",
            503,
            false,
            "The database or the broker the request needs is down for now: nothing was stored; try again after"
                    + " Retry-After");

    private final String code;
    private final int status;
    private final boolean statusDefault;
    private final String meaning;

    ErrorCode(String code, int status, boolean statusDefault, String meaning) {
        this.code = code;
        this.status = status;
        this.statusDefault = statusDefault;
        this.meaning = meaning;
    }

    /** The value of the answer's {@code code} field. */
    public String code() {
        return code;
    }

    /** The status it is answered with; 0 for {@link #CLIENT_ERROR}, which any otherwise unnamed 4xx gets. */
    public int status() {
        return status;
    }

    /** What it means, for documentation. */
    public String meaning() {
        return meaning;
    }

    /** The code an error answer of {@code status} gets when nothing finer was said. */
    public static ErrorCode forStatus(int status) {
        return Arrays.stream(values())
                .filter(c -> c.statusDefault && c.status == status)
                .findFirst()
                .orElse(status >= 500 ? INTERNAL_ERROR : CLIENT_ERROR);
    }

    public static Optional<ErrorCode> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
