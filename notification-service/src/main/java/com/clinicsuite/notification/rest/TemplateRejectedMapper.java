package com.clinicsuite.notification.rest;

import com.clinicsuite.notification.service.TemplateRejectedException;
import com.clinicsuite.web.errors.ApiError;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 422 for a template the sandbox refuses, like every validation failure, but with the broken rule as
 * {@code code} (e.g. {@code template_unknown_namespace}) so that a template editor can tell the rules apart.
 */
public class TemplateRejectedMapper {

    @ServerExceptionMapper
    public Response rejected(TemplateRejectedException e) {
        return new ApiError(e.getMessage(), e.rule().code(), e.errors())
                .answer(422)
                .build();
    }
}
