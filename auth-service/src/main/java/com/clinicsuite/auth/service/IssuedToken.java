package com.clinicsuite.auth.service;

/** A signed access token and its lifetime in seconds (the OAuth2 {@code expires_in}). */
public record IssuedToken(String value, long expiresIn) {}
