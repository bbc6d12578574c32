package com.clinicsuite.auth.service;

import com.clinicsuite.auth.config.AuthConfig;
import com.clinicsuite.auth.keys.SigningKey;
import com.clinicsuite.auth.keys.SigningKeyRing;
import com.clinicsuite.security.Claims;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs access tokens with the claims of docs/security.md. Issuer and audience are the ones every verifier
 * expects ({@code mp.jwt.verify.issuer/audiences}, env JWT_ISSUER / JWT_AUDIENCE), so they cannot drift apart.
 */
@ApplicationScoped
public class TokenIssuer {

    private final SigningKeyRing keys;
    private final Clock clock;
    private final Duration lifetime;
    private final String issuer;
    private final Set<String> audiences;

    public TokenIssuer(
            SigningKeyRing keys,
            Clock clock,
            AuthConfig config,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") Set<String> audiences) {
        this.keys = keys;
        this.clock = clock;
        this.lifetime = config.token().lifetime();
        this.issuer = issuer;
        this.audiences = audiences;
    }

    public IssuedToken issue(UserAccess access) {
        Instant now = clock.instant();
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .audience(audiences)
                .subject(access.user().id.toString())
                .upn(access.user().username)
                .preferredUserName(access.user().username)
                .groups(access.effectiveRoles())
                .claim(Claims.PHARMACIES, access.pharmacyClaim())
                // which change of the user's access this token states: older ones are refused (AccessChanges)
                .claim(
                        Claims.ACCESS_VERSION,
                        access.user().accessChangedAt.toInstant().toEpochMilli())
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime));
        if (access.user().center != null) {
            claims.claim(Claims.CENTER, access.user().center);
        }
        SigningKey key = keys.active();
        String token = claims.jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(key.kid())
                .sign(key.privateKey());
        return new IssuedToken(token, lifetime.toSeconds());
    }
}
