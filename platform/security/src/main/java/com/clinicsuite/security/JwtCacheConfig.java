package com.clinicsuite.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The cache of verified tokens ({@code jwt-cache.*}, {@link CachingJwtParser}). */
@ConfigMapping(prefix = "jwt-cache")
public interface JwtCacheConfig {

    /** Off: every request verifies its token's signature again. */
    @WithDefault("true")
    boolean enabled();

    /** Tokens kept at most. */
    @WithDefault("1000")
    long maxSize();

    /** How long a verified token is kept at most (never past its expiry). */
    @WithDefault("5M")
    Duration maxAge();
}
