package com.clinicsuite.auth.service;

import com.clinicsuite.auth.config.AuthConfig;
import com.clinicsuite.auth.repository.LoginAttemptCounters;
import com.clinicsuite.auth.repository.LoginAttemptCounters.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Login throttling that holds across replicas: every attempt is counted in the database before its password is
 * checked, per account and per client address, all or none in one transaction (docs/security.md, "Login
 * throttling"). Each counter allows its free attempts ({@code auth.lockout.max-failures-per-username} /
 * {@code -per-address}), then evaluates one attempt per wait, the wait doubling from {@code auth.lockout.first-wait}
 * up to {@code auth.lockout.max-wait}; an attempt made while a counter waits is refused (429) and not counted, so
 * refusals never lengthen a wait. A counter is forgotten {@code auth.lockout.window} after its last wait ended.
 * <p>
 * A success forgives what was tried on that account from that address (a third counter records it), on both
 * counters, and nothing else: an attacker's failures from other addresses stay counted.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    private final LoginAttemptCounters counters;
    private final Clock clock;
    private final AuthConfig.Lockout config;
    private final MeterRegistry registry;

    public LoginThrottle(LoginAttemptCounters counters, AuthConfig config, Clock clock, MeterRegistry registry) {
        this.counters = counters;
        this.clock = clock;
        this.config = config.lockout();
        this.registry = registry;
    }

    /** Counts the attempt, or fails with {@link LoginThrottledException} (nothing counted) while a counter waits. */
    public Uni<Void> beforePasswordCheck(String username, String clientAddress) {
        Keys keys = new Keys(username, clientAddress);
        OffsetDateTime now = now();
        Counter account = account(keys);
        Counter address = address(keys);
        return counters.take(List.of(account, address, pair(keys)), now, config.window())
                .map(taken -> {
                    LoginAttemptCounters.Refusal refusal = taken.refusal();
                    if (refusal == null) {
                        int onAccount = taken.attempts().get(0);
                        int fromAddress = taken.attempts().get(1);
                        if (onAccount == account.freeAttempts() || fromAddress == address.freeAttempts()) {
                            // the username is personal data: a digest still correlates the attempts
                            LOG.warnf(
                                    "Login back-off starts: %d attempts on user#%s, %d from address %s",
                                    onAccount, logDigest(username), fromAddress, keys.clientAddress);
                        }
                        return null;
                    }
                    boolean byAccount = refusal.counter().key().equals(keys.account);
                    registry.counter("auth.login.throttled", "limit", byAccount ? "account" : "address")
                            .increment();
                    // from now, not from before the transaction: it may have waited for a parallel attempt's row lock
                    long millis =
                            Duration.between(now(), refusal.nextAttemptAt()).toMillis();
                    // round up: a client retrying after Retry-After seconds must find the wait over
                    throw new LoginThrottledException(Math.max(1, (millis + 999) / 1000));
                })
                .replaceWithVoid();
    }

    /** After a successful login: forgives this address's attempts on this account. */
    public Uni<Void> afterSuccess(String username, String clientAddress) {
        Keys keys = new Keys(username, clientAddress);
        return counters.forgive(pair(keys), List.of(account(keys), address(keys)), now());
    }

    @Scheduled(every = "1h", delay = 5, delayUnit = java.util.concurrent.TimeUnit.MINUTES)
    Uni<Void> deleteExpired() {
        return counters.deleteExpired(now())
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Deleted %d expired login throttle counters", n);
                    }
                })
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf("Deleting expired login throttle counters failed, will try again: %s", e.toString());
                    return 0;
                })
                .replaceWithVoid();
    }

    private Counter account(Keys keys) {
        return new Counter(keys.account, config.maxFailuresPerUsername(), config.firstWait(), config.maxWait());
    }

    private Counter address(Keys keys) {
        return new Counter(keys.address, config.maxFailuresPerAddress(), config.firstWait(), config.maxWait());
    }

    private static Counter pair(Keys keys) {
        return Counter.recordOnly(keys.pair);
    }

    /** To the millisecond: what both databases store exactly, so a wait read back is the wait written. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The counters' keys. The username is stored as a digest (it can be a person's name, and whatever a client
     * sends must not become a long key): lower-cased, so that case variants count together.
     */
    private static final class Keys {
        final String account;
        final String address;
        final String pair;
        final String clientAddress;

        Keys(String username, String clientAddress) {
            this.clientAddress = clientAddress;
            String user = digest(username == null ? "" : username.toLowerCase(Locale.ROOT));
            String where = clientAddress == null || clientAddress.isEmpty() ? "unknown" : clientAddress;
            if (where.length() > 64) {
                where = digest(where);
            }
            this.account = "u:" + user;
            this.address = "a:" + where;
            this.pair = "p:" + user.substring(0, 32) + ":" + where;
        }
    }

    /** A short digest of a username for logs, correlating attempts without naming the person. */
    private static String logDigest(String username) {
        return digest(String.valueOf(username).toLowerCase(Locale.ROOT)).substring(0, 12);
    }

    private static String digest(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
