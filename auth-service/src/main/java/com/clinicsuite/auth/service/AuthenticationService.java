package com.clinicsuite.auth.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Password login and refresh. Wrong password, unknown user and inactive user take the same path (a bcrypt
 * comparison, against a dummy hash when there is no user) and get the same answer.
 */
@ApplicationScoped
public class AuthenticationService {

    private static final Logger LOG = Logger.getLogger(AuthenticationService.class);
    static final String BAD_CREDENTIALS = "Incorrect username or password";

    private final UserAccessQueries accessQueries;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionService sessions;

    public AuthenticationService(
            UserAccessQueries accessQueries, PasswordHasher hasher, LoginThrottle throttle, SessionService sessions) {
        this.accessQueries = accessQueries;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    public Uni<Session> login(String username, String password, String clientAddress) {
        return Uni.createFrom()
                .item(() -> {
                    throttle.checkAllowed(username, clientAddress);
                    return username;
                })
                .chain(accessQueries::byUsername)
                // the hash is compared outside any transaction: no connection is held while bcrypt runs
                .chain(user -> hasher.matches(password, user == null ? null : user.passwordHash)
                        .map(matches -> matches && user.active ? user.id : null))
                .chain(userId -> {
                    if (userId == null) {
                        throttle.recordFailure(username, clientAddress);
                        return Uni.createFrom().failure(new InvalidCredentialsException(BAD_CREDENTIALS));
                    }
                    throttle.recordSuccess(username);
                    return sessions.start(userId)
                            .onItem()
                            .ifNull()
                            .failWith(() -> new InvalidCredentialsException(BAD_CREDENTIALS));
                })
                .invoke(session ->
                        LOG.infof("User %d signed in", session.access().user().id));
    }

    public Uni<Session> refresh(String refreshToken) {
        return sessions.refresh(refreshToken)
                .onItem()
                .ifNull()
                .failWith(() -> new InvalidCredentialsException("Session expired or revoked: sign in again"));
    }

    public Uni<Void> logout(String refreshToken) {
        return sessions.end(refreshToken);
    }
}
