package com.clinicsuite.auth.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Starts and continues sessions in one transaction each. Refusals answer null instead of failing, so that what
 * was decided (a revoked token family) is committed before the caller answers 401.
 */
@ApplicationScoped
public class SessionService {

    private final UserAccessQueries accessQueries;
    private final RefreshTokens refreshTokens;
    private final TokenIssuer tokenIssuer;

    public SessionService(UserAccessQueries accessQueries, RefreshTokens refreshTokens, TokenIssuer tokenIssuer) {
        this.accessQueries = accessQueries;
        this.refreshTokens = refreshTokens;
        this.tokenIssuer = tokenIssuer;
    }

    /** A new session for a user whose credentials were just verified. */
    @WithTransaction
    public Uni<Session> start(long userId) {
        return accessQueries
                .access(userId)
                .chain(access -> access == null || !access.user().active
                        ? Uni.createFrom().nullItem()
                        : refreshTokens.issue(userId, null).map(refresh -> open(access, refresh)));
    }

    /** Rotates the refresh token and issues a fresh access token with the user's current roles and grants. */
    @WithTransaction
    public Uni<Session> refresh(String refreshToken) {
        return refreshTokens
                .use(refreshToken)
                .chain(use -> use == null
                        ? Uni.createFrom().nullItem()
                        : accessQueries
                                .access(use.userId())
                                .chain(access -> access == null || !access.user().active
                                        ? Uni.createFrom().nullItem()
                                        : refreshTokens
                                                .issue(use.userId(), use.familyId())
                                                .map(next -> open(access, next))));
    }

    @WithTransaction
    public Uni<Void> end(String refreshToken) {
        return refreshTokens.revokeSession(refreshToken);
    }

    private Session open(UserAccess access, String refreshToken) {
        return new Session(tokenIssuer.issue(access), refreshToken, access);
    }
}
