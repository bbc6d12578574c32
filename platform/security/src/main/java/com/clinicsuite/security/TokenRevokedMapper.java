package com.clinicsuite.security;

import com.clinicsuite.web.errors.ApiError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A revoked token gets its own answer, so the client knows that signing in again (or refreshing) helps, where any
 * other 401 means the token itself is bad. More specific than platform-web's mapper of authentication failures,
 * so it is the one chosen.
 */
public class TokenRevokedMapper {

    static final String DETAIL = "Your access has changed since this token was issued: sign in again";

    @ServerExceptionMapper
    public Response revoked(TokenRevokedException e) {
        return ApiError.of(DETAIL, "token_revoked")
                .answer(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .build();
    }
}
