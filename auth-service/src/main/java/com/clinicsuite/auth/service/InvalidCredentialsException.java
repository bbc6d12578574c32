package com.clinicsuite.auth.service;

/**
 * Wrong password, unknown user, inactive user, or an unusable refresh token: one answer for all, so a caller
 * cannot tell which.
 */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException(String message) {
        super(message, null, false, false);
    }
}
