package com.clinicsuite.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, Long> {

    public Uni<RefreshToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    /**
     * Revokes one token if nobody did yet. Answers false when another request already used it: the conditional
     * update makes concurrent refreshes with one token yield a single successor.
     */
    public Uni<Boolean> revokeIfActive(long id, OffsetDateTime now) {
        return update("revokedAt = ?1 where id = ?2 and revokedAt is null", now, id)
                .map(n -> n == 1);
    }

    public Uni<Integer> revokeFamily(String familyId, OffsetDateTime now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    public Uni<Integer> revokeAllOfUser(long userId, OffsetDateTime now) {
        return update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now, userId);
    }
}
