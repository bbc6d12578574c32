package com.clinicsuite.auth;

import com.clinicsuite.auth.config.AuthConfig;
import java.util.Optional;

/** An {@link AuthConfig} with only the part a test builds a bean from by hand; the other parts are null. */
record TestAuthConfig(AuthConfig.Lockout lockout, AuthConfig.BootstrapAdmin bootstrapAdmin) implements AuthConfig {

    static AuthConfig lockout(AuthConfig.Lockout lockout) {
        return new TestAuthConfig(lockout, null);
    }

    static AuthConfig bootstrapAdmin(String username, String password) {
        return new TestAuthConfig(null, new AuthConfig.BootstrapAdmin() {
            public Optional<String> username() {
                return Optional.of(username);
            }

            public Optional<String> password() {
                return Optional.of(password);
            }

            public Optional<String> email() {
                return Optional.empty();
            }
        });
    }

    public Token token() {
        return null;
    }

    public Refresh refresh() {
        return null;
    }

    public Keys keys() {
        return null;
    }

    public Password password() {
        return null;
    }
}
