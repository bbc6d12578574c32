package com.clinicsuite.web.errors;

import com.clinicsuite.web.input.InvalidJsonCharactersException;
import com.clinicsuite.web.input.RequestBodyCharacters;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

/**
 * Maps every failure to {@code {"detail", "code", "errors"}} with the contract's status codes; every answer has a
 * stable {@link ErrorCode code}. A JSON body that does not bind follows one rule ({@link JsonBodyErrors}): not JSON,
 * 400 {@code malformed_json}; values that do not fit their fields, 422 naming the field. Unexpected exceptions are
 * logged with their stack trace (never the request body, which may hold personal data) and answered 500 with a
 * generic message.
 */
public class ApiErrorMappers {

    private static final Logger LOG = Logger.getLogger(ApiErrorMappers.class);

    /** Seconds a client waits before it tries again after a 503 {@code dependency_unavailable}. */
    public static final int DEPENDENCY_RETRY_AFTER_SECONDS = 5;

    private final Instance<DependencyFailures> dependencyFailures;

    public ApiErrorMappers(Instance<DependencyFailures> dependencyFailures) {
        this.dependencyFailures = dependencyFailures;
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return ApiError.of("Not authenticated: send a valid bearer token", ErrorCode.UNAUTHORIZED.code())
                .answer(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return json(403, ApiError.of("You are not allowed to do this", ErrorCode.FORBIDDEN.code()));
    }

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableEntityException e) {
        return json(422, new ApiError(e.getMessage(), e.code(), e.errors()));
    }

    /**
     * A business rule refused the request ({@link DomainException}, thrown by a service): its kind's status, its code,
     * its message, and {@code errors[]} when it names a field; a {@link NotAuthenticated} names its scheme in
     * {@code WWW-Authenticate}.
     */
    @ServerExceptionMapper
    public Response domain(DomainException e) {
        Response.ResponseBuilder answer = Response.status(e.kind().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(e.toApiError());
        if (e instanceof NotAuthenticated unauthenticated && unauthenticated.challenge() != null) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, unauthenticated.challenge());
        }
        return answer.build();
    }

    /** A JSON string value of the body held a control character (see {@link RequestBodyCharacters}). */
    @ServerExceptionMapper
    public Response invalidJsonCharacters(InvalidJsonCharactersException e) {
        return unprocessable(new InvalidCharactersException(e.field(), e.what()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<ApiError.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new ApiError.FieldError(fieldName(v), v.getMessage()))
                .toList();
        String detail = errors.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("Validation failed");
        return json(422, new ApiError(detail, ErrorCode.VALIDATION_FAILED.code(), errors));
    }

    /**
     * Well-formed JSON whose values do not fit the endpoint's type (Quarkus REST passes these on as they are; other
     * Jackson failures arrive as a 400 {@link WebApplicationException} with the failure as its cause).
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return JsonBodyErrors.of(e)
                .map(answer -> json(answer.status(), answer.error()))
                .orElseGet(() -> json(
                        422, ApiError.of("The body does not fit this endpoint", ErrorCode.VALIDATION_FAILED.code())));
    }

    /**
     * A multipart body the parser cannot read (a line break inside a part's headers, a broken boundary): bad input,
     * not a server error.
     */
    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException e) {
        return json(
                400,
                ApiError.of(
                        "The multipart body is malformed (a part's headers or boundaries cannot be read); send the"
                                + " file again as multipart/form-data",
                        ErrorCode.MALFORMED_MULTIPART.code()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        if (status == 400 && e.getCause() != null) {
            var jsonProblem = JsonBodyErrors.of(e.getCause());
            if (jsonProblem.isPresent()) {
                return json(jsonProblem.get().status(), jsonProblem.get().error());
            }
        }
        boolean ownMessage = e.getMessage() != null && !e.getMessage().startsWith("HTTP ");
        if (status >= 500 && status != 503) {
            LOG.error("Request failed", e);
            return json(
                    status,
                    ApiError.of(
                            defaultMessage(status), ErrorCode.forStatus(status).code()));
        }
        String message = ownMessage ? e.getMessage() : defaultMessage(status);
        Response.ResponseBuilder builder =
                ApiError.of(message, ErrorCode.forStatus(status).code()).answer(status);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    /**
     * Anything else: 503 {@code dependency_unavailable} with {@code Retry-After} when it is a dependency that is down
     * (the database, the broker: what {@link DependencyFailures} says, platform-outbox's {@code Failures}, the one
     * classification of transient failures), else 500.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (dependencyDown(e)) {
            // expected during an outage: one line, no stack trace (and no message text: it may quote values)
            LOG.warnf("Answered 503, a dependency is down: %s", e.getClass().getName());
            return Response.status(503)
                    .header(HttpHeaders.RETRY_AFTER, DEPENDENCY_RETRY_AFTER_SECONDS)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of(
                            "A service this request depends on (the database or the message broker) is not available"
                                    + " right now; nothing was stored. Try again in " + DEPENDENCY_RETRY_AFTER_SECONDS
                                    + " seconds.",
                            ErrorCode.DEPENDENCY_UNAVAILABLE.code()))
                    .build();
        }
        LOG.error("Unexpected error while handling a request", e);
        return json(500, ApiError.of("Internal error; the incident was logged", ErrorCode.INTERNAL_ERROR.code()));
    }

    private boolean dependencyDown(Throwable e) {
        for (DependencyFailures classifier : dependencyFailures) {
            if (classifier.isDependencyDown(e)) {
                return true;
            }
        }
        return false;
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "create.body.package_amount" -> "package_amount"
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    /** The {@code detail} of an answer that had no message of its own. */
    public static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Not authenticated";
            case 403 -> "You are not allowed to do this";
            case 404 -> "Not found";
            case 405 -> "Method not allowed: this path does not take that HTTP method";
            case 406 -> "Not acceptable: the Accept header names no type this endpoint answers";
            case 409 -> "Conflict";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type: send the body with a Content-Type this endpoint reads";
            case 422 -> "Validation failed";
            case 429 -> "Too many requests; try again later";
            case 500 -> "Internal error";
            case 503 -> "Service unavailable; try again later";
            default -> "Request failed";
        };
    }

    private static Response json(int status, ApiError error) {
        return error.answer(status).build();
    }
}
