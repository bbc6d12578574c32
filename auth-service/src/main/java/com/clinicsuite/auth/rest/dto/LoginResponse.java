package com.clinicsuite.auth.rest.dto;

import com.clinicsuite.auth.service.Session;

/** {@code POST /login} and {@code POST /auth/refresh}: the access token, the rotated refresh token and the user. */
public record LoginResponse(
        String accessToken, String tokenType, long expiresIn, String refreshToken, CurrentUserView user) {

    public static LoginResponse of(Session session) {
        return new LoginResponse(
                session.accessToken().value(),
                "bearer",
                session.accessToken().expiresIn(),
                session.refreshToken(),
                CurrentUserView.of(session.access()));
    }
}
