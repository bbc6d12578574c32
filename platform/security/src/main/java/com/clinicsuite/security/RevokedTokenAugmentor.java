package com.clinicsuite.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Runs after a token's signature and expiry were verified: refuses (401) the token of a user deactivated after it
 * was issued; see {@link DeactivatedUsers}.
 */
@ApplicationScoped
public class RevokedTokenAugmentor implements SecurityIdentityAugmentor {

    private final DeactivatedUsers deactivatedUsers;

    public RevokedTokenAugmentor(DeactivatedUsers deactivatedUsers) {
        this.deactivatedUsers = deactivatedUsers;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            try {
                long userId = Long.parseLong(jwt.getSubject());
                if (deactivatedUsers.isRevoked(userId, Instant.ofEpochSecond(jwt.getIssuedAtTime()))) {
                    return Uni.createFrom().failure(new AuthenticationFailedException("user deactivated"));
                }
            } catch (NumberFormatException ignored) {
                // not a suite user id: nothing to check
            }
        }
        return Uni.createFrom().item(identity);
    }
}
