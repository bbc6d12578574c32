package com.clinicsuite.auth.service;

import com.clinicsuite.auth.config.AuthConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Counts failed logins per username and per client address in fixed windows; once a key reaches its limit it is
 * refused (429) until its window ends. Counters live in this replica's memory (bounded, expiring): with N
 * replicas an attacker gets at most N times the limit, which the gateway's rate limit covers.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    private record Failures(int count, Instant windowEnd) {}

    private final Cache<String, Failures> failures;
    private final Clock clock;
    private final Duration window;
    private final int maxPerUsername;
    private final int maxPerAddress;

    public LoginThrottle(AuthConfig config, Clock clock) {
        this.clock = clock;
        this.window = config.lockout().window();
        this.maxPerUsername = config.lockout().maxFailuresPerUsername();
        this.maxPerAddress = config.lockout().maxFailuresPerAddress();
        this.failures = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(window)
                .build();
    }

    /** Throws {@link LoginThrottledException} when the username or the address is locked out. */
    public void checkAllowed(String username, String address) {
        Instant now = clock.instant();
        long wait = Math.max(
                lockedFor(userKey(username), maxPerUsername, now), lockedFor(addressKey(address), maxPerAddress, now));
        if (wait > 0) {
            throw new LoginThrottledException(wait);
        }
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        int userCount = increment(userKey(username), now);
        int addressCount = increment(addressKey(address), now);
        if (userCount == maxPerUsername || addressCount == maxPerAddress) {
            // the username is personal data: log a digest that still correlates attempts
            LOG.warnf(
                    "Login locked out for %s: %d failures for user#%s, %d from address %s",
                    window, userCount, digest(username), addressCount, address);
        }
    }

    /** A successful login clears the username's failures (the address keeps its count). */
    public void recordSuccess(String username) {
        failures.invalidate(userKey(username));
    }

    private long lockedFor(String key, int max, Instant now) {
        Failures f = failures.getIfPresent(key);
        if (f == null || f.count() < max || !now.isBefore(f.windowEnd())) {
            return 0;
        }
        // round up: a client retrying after Retry-After seconds must find the window over
        return Math.max(1, (Duration.between(now, f.windowEnd()).toMillis() + 999) / 1000);
    }

    private int increment(String key, Instant now) {
        return failures.asMap()
                .compute(
                        key,
                        (k, f) -> f == null || !now.isBefore(f.windowEnd())
                                ? new Failures(1, now.plus(window))
                                : new Failures(f.count() + 1, f.windowEnd()))
                .count();
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private static String digest(String username) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(username).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
