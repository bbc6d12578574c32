package com.clinicsuite.auth.rest.dto;

import com.clinicsuite.auth.service.IssuedToken;

/** The OAuth2 token answer of {@code POST /token}. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {

    public static TokenResponse of(IssuedToken token) {
        return new TokenResponse(token.value(), "bearer", token.expiresIn());
    }
}
