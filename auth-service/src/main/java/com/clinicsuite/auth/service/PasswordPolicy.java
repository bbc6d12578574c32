package com.clinicsuite.auth.service;

import com.clinicsuite.auth.config.AuthConfig;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/** What a new password must satisfy; 422 naming the field otherwise. */
@ApplicationScoped
public class PasswordPolicy {

    /** bcrypt ignores everything after 72 bytes: a longer password would be silently truncated. */
    static final int BCRYPT_MAX_BYTES = 72;

    private final int minLength;

    public PasswordPolicy(AuthConfig config) {
        this.minLength = config.password().minLength();
    }

    public void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw new UnprocessableEntityException("password", "must be at least " + minLength + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            throw new UnprocessableEntityException("password", "must be at most " + BCRYPT_MAX_BYTES + " bytes long");
        }
        if (password.isBlank()) {
            throw new UnprocessableEntityException("password", "must not be blank");
        }
    }
}
