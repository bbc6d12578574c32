package com.clinicsuite.web.errors;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every error answer carries a {@code code}: an {@link ApiError} a resource or a mapper built without one gets its
 * status's default ({@link ErrorCode#forStatus}), and an error status without any body gets the whole
 * {@code {"detail", "code"}}. So a service answering {@code ApiError.of(message)} with 415 still says
 * {@code unsupported_media_type}, and no 4xx leaves the edge empty.
 */
public class ErrorCodes {

    @ServerResponseFilter
    public void addCode(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400) {
            return;
        }
        Object entity = response.getEntity();
        if (entity instanceof ApiError error && error.code() == null) {
            response.setEntity(
                    new ApiError(error.detail(), ErrorCode.forStatus(status).code(), error.errors()),
                    null,
                    MediaType.APPLICATION_JSON_TYPE);
        } else if (entity == null && !HttpMethod.HEAD.equals(request.getMethod())) {
            response.setEntity(
                    ApiError.of(
                            ApiErrorMappers.defaultMessage(status),
                            ErrorCode.forStatus(status).code()),
                    null,
                    MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
