package com.clinicsuite.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once and then answers its repetitions from memory: a client sends the same token with
 * every request for up to its lifetime, and checking the RS256 signature and parsing the claims each time was about
 * a seventh of a read request's CPU. quarkus-smallrye-jwt's {@code MpJwtValidator} gets its {@link JWTParser} by
 * injection, so this alternative takes its place.
 * <p>
 * Safe because the key is the exact token string, signature included: a token differing in any character (another
 * signature for the same claims, say) is verified from scratch. Only tokens that passed verification are kept, never
 * past their {@code exp} nor longer than {@code jwt-cache.max-age}, and every hit checks expiry and token age against
 * the clock with the verifier's own leeway. Per-request checks ({@link RevokedTokenAugmentor}: deactivated users) run
 * after this and are not affected. What a cache does delay: withdrawing a signing key stops tokens already seen only
 * after {@code jwt-cache.max-age}.
 */
@Alternative
@Priority(10) // above a service's own verifier (auth-service's OwnKeysJwtParser, priority 1), which it then wraps
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    private final JWTParser verifier;
    private final Cache<String, JsonWebToken> verified;
    private final long leewaySeconds;
    private final Long maxTokenAgeSeconds;
    private final long maxAgeNanos;

    /**
     * @param verifier the extension's parser, or the service's own alternative to it (a subclass), which CDI then
     *                 resolves instead
     */
    public CachingJwtParser(DefaultJWTParser verifier, JWTAuthContextInfo verification, JwtCacheConfig config) {
        boolean enabled = config.enabled();
        long maxSize = config.maxSize();
        Duration maxAge = config.maxAge();
        this.verifier = verifier;
        // the same leeway the verifier grants after exp: the grace period when set, else the clock skew
        this.leewaySeconds = verification.getExpGracePeriodSecs() > 0
                ? verification.getExpGracePeriodSecs()
                : Math.max(verification.getClockSkew(), 0);
        this.maxTokenAgeSeconds = verification.getTokenAge();
        this.maxAgeNanos = maxAge.toNanos();
        this.verified = enabled && maxSize > 0 && maxAgeNanos > 0
                ? Caffeine.newBuilder()
                        .maximumSize(maxSize)
                        .expireAfter(new UntilExpiry())
                        .build()
                : null;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (verified == null || token == null) {
            return verifier.parse(token);
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            if (validAt(known, System.currentTimeMillis())) {
                return known;
            }
            verified.invalidate(token);
        }
        JsonWebToken jwt = verifier.parse(token); // throws for anything invalid, which is then never cached
        if (remainingNanos(jwt, System.currentTimeMillis()) > 0) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Whether a token verified earlier is still acceptable now, by the rules the verifier applies to time. */
    private boolean validAt(JsonWebToken jwt, long nowMillis) {
        long nowSeconds = nowMillis / 1000;
        if (nowMillis >= (jwt.getExpirationTime() + leewaySeconds) * 1000) {
            return false;
        }
        return maxTokenAgeSeconds == null || nowSeconds - jwt.getIssuedAtTime() <= maxTokenAgeSeconds;
    }

    /** How long an entry may live: until exp (no leeway; a later use is verified again) and at most max-age. */
    private long remainingNanos(JsonWebToken jwt, long nowMillis) {
        long untilExp =
                Duration.ofMillis(jwt.getExpirationTime() * 1000 - nowMillis).toNanos();
        return Math.max(0, Math.min(untilExp, maxAgeNanos));
    }

    private final class UntilExpiry implements Expiry<String, JsonWebToken> {
        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            return remainingNanos(jwt, System.currentTimeMillis());
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return remainingNanos(jwt, System.currentTimeMillis());
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    // Anything else (explicit keys or contexts, decryption) is not what requests use: passed straight through.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
