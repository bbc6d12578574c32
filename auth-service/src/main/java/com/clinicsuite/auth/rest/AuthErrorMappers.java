package com.clinicsuite.auth.rest;

import com.clinicsuite.auth.service.InvalidCredentialsException;
import com.clinicsuite.auth.service.LoginThrottledException;
import com.clinicsuite.web.errors.ApiError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The answers of sign-in failures, in the contract's {@code {"detail": ...}} shape. */
public class AuthErrorMappers {

    @ServerExceptionMapper
    public Response invalidCredentials(InvalidCredentialsException e) {
        return ApiError.of(e.getMessage(), "invalid_credentials")
                .answer(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response throttled(LoginThrottledException e) {
        return ApiError.of(e.getMessage(), "too_many_attempts")
                .answer(429)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }
}
