package com.clinicsuite.web.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The error body every endpoint answers: {@code detail} is what the existing frontends show. */
// answered inside a JAX-RS Response by the exception mappers, so Quarkus cannot see the type: registered for the
// native image's Jackson
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String detail, String code, List<FieldError> errors) {

    public static ApiError of(String detail) {
        return new ApiError(detail, null, null);
    }

    public static ApiError of(String detail, String code) {
        return new ApiError(detail, code, null);
    }

    /**
     * This body as the answer with {@code status}, as JSON: the one way an error answer is built. Add headers
     * ({@code Retry-After}, {@code WWW-Authenticate}) to the builder, then {@code build()}.
     */
    public Response.ResponseBuilder answer(int status) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(this);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message) {}
}
