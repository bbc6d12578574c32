package com.clinicsuite.auth.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Password login and refresh. Wrong password, unknown user and inactive user take the same path (a bcrypt
 * comparison, against a dummy hash when there is no user) and get the same answer. The attempt is counted by
 * {@link LoginThrottle} before the comparison, so parallel guesses cannot outrun the count.
 */
@ApplicationScoped
public class AuthenticationService {

    private static final Logger LOG = Logger.getLogger(AuthenticationService.class);
    static final String BAD_CREDENTIALS = "Incorrect username or password";

    private final UserAccessQueries accessQueries;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionService sessions;
    /** Passwords evaluated (bcrypt comparisons): what the throttle bounds. */
    private final Counter passwordChecks;

    public AuthenticationService(
            UserAccessQueries accessQueries,
            PasswordHasher hasher,
            LoginThrottle throttle,
            SessionService sessions,
            MeterRegistry registry) {
        this.accessQueries = accessQueries;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.passwordChecks = registry.counter("auth.login.password.checks");
    }

    public Uni<Session> login(String username, String password, String clientAddress) {
        return throttle.beforePasswordCheck(username, clientAddress)
                .chain(() -> accessQueries.byUsername(username))
                // the hash is compared outside any transaction: no connection is held while bcrypt runs
                .chain(user -> {
                    passwordChecks.increment();
                    return hasher.matches(password, user == null ? null : user.passwordHash)
                            .map(matches -> matches && user.active ? user.id : null);
                })
                .chain(userId -> userId == null
                        ? Uni.createFrom().<Session>failure(new InvalidCredentialsException(BAD_CREDENTIALS))
                        : sessions.start(userId)
                                .onItem()
                                .ifNull()
                                .failWith(() -> new InvalidCredentialsException(BAD_CREDENTIALS)))
                .call(() -> throttle.afterSuccess(username, clientAddress))
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
