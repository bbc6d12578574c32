package com.clinicsuite.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Runs on every request after a token's signature and expiry were verified (or found in {@link CachingJwtParser}'s
 * cache): refuses (401 {@code token_revoked}) a token issued before its user's access last changed; see
 * {@link AccessRevocations}.
 */
@ApplicationScoped
public class RevokedTokenAugmentor implements SecurityIdentityAugmentor {

    private final AccessRevocations revocations;

    public RevokedTokenAugmentor(AccessRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            try {
                if (revocations.isRevoked(Long.parseLong(jwt.getSubject()), jwt)) {
                    return Uni.createFrom().failure(new TokenRevokedException());
                }
            } catch (NumberFormatException ignored) {
                // not a suite user id: nothing to check
            }
        }
        return Uni.createFrom().item(identity);
    }
}
