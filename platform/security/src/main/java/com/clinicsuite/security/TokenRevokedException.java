package com.clinicsuite.security;

import io.quarkus.security.AuthenticationException;

/**
 * A valid token issued before its user's access changed: answered 401 {@code token_revoked} by
 * {@link TokenRevokedMapper}. An authentication failure of its own type (Quarkus' AuthenticationFailedException is
 * final), so that its answer can differ from the one for a bad token.
 */
public class TokenRevokedException extends SecurityException implements AuthenticationException {

    public TokenRevokedException() {
        super("token issued before the user's access changed");
    }
}
