package com.clinicsuite.auth.service;

/** What a successful login or refresh hands out. */
public record Session(IssuedToken accessToken, String refreshToken, UserAccess access) {}
