package com.clinicsuite.web.errors;

import com.clinicsuite.web.input.InvalidJsonCharactersException;
import com.clinicsuite.web.input.RequestBodyCharacters;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
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
 * Maps every failure to {@code {"detail": ...}} with the contract's status codes. Unexpected exceptions are
 * logged with their stack trace (never the request body, which may hold personal data) and answered 500
 * with a generic message.
 */
public class ApiErrorMappers {

    private static final Logger LOG = Logger.getLogger(ApiErrorMappers.class);

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of("Not authenticated: send a valid bearer token", "unauthorized"))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return json(403, ApiError.of("You are not allowed to do this", "forbidden"));
    }

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableEntityException e) {
        return json(422, new ApiError(e.getMessage(), e.code(), e.errors()));
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
        return json(422, new ApiError(detail, "validation_failed", errors));
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
                        "malformed_multipart"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return json(status, ApiError.of("Internal error"));
        }
        String message =
                e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? e.getMessage() : defaultMessage(status);
        Response.ResponseBuilder builder =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(message));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected error while handling a request", e);
        return json(500, ApiError.of("Internal error; the incident was logged"));
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // "create.body.package_amount" -> "package_amount"
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Not authenticated";
            case 403 -> "You are not allowed to do this";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            default -> "Request failed";
        };
    }

    private static Response json(int status, ApiError error) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error)
                .build();
    }
}
