package com.clinicsuite.auth.service;

import com.clinicsuite.auth.config.AuthConfig;
import com.clinicsuite.auth.repository.RefreshToken;
import com.clinicsuite.auth.repository.RefreshTokenRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Refresh tokens: 256 random bits handed to the client once, stored as their SHA-256 (a fast hash is right for
 * a random secret of that size; passwords get bcrypt). Each use rotates the token; presenting an already rotated
 * token revokes its whole family, since only a thief or a replay would. Runs in the caller's transaction.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final Logger LOG = Logger.getLogger(RefreshTokens.class);

    /** The outcome of presenting a refresh token: the user it belongs to, or null when it must be refused. */
    public record Use(Long userId, String familyId) {}

    private final RefreshTokenRepository tokens;
    private final Clock clock;
    private final Duration lifetime;
    // an instance field, seeded when the bean is created at run time: a static one would be created while a native
    // image is built (Quarkus initialises classes at build time) and native-image refuses randomness in the image heap
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(RefreshTokenRepository tokens, Clock clock, AuthConfig config) {
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = config.refresh().lifetime();
    }

    /** A new token for {@code userId}; {@code familyId} null starts a new family (a new login). */
    public Uni<String> issue(long userId, String familyId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken token = new RefreshToken();
        token.userId = userId;
        token.familyId = familyId != null ? familyId : UUID.randomUUID().toString();
        token.tokenHash = sha256(value);
        token.createdAt = now();
        token.expiresAt = token.createdAt.plus(lifetime);
        return tokens.persist(token).replaceWith(value);
    }

    /** Uses (and so revokes) a token; answers null when it is unknown, expired, revoked or reused. */
    public Uni<Use> use(String value) {
        OffsetDateTime now = now();
        return tokens.findByHash(sha256(value)).chain(token -> {
            if (token == null || !token.expiresAt.isAfter(now)) {
                return Uni.createFrom().nullItem();
            }
            return tokens.revokeIfActive(token.id, now).chain(wasActive -> {
                if (wasActive) {
                    return Uni.createFrom().item(new Use(token.userId, token.familyId));
                }
                LOG.warnf("Rotated refresh token presented again for user %d: revoking its session", token.userId);
                return tokens.revokeFamily(token.familyId, now).replaceWith((Use) null);
            });
        });
    }

    /** Ends the session a token belongs to; unknown tokens are ignored (logout is idempotent). */
    public Uni<Void> revokeSession(String value) {
        return tokens.findByHash(sha256(value))
                .chain(token -> token == null
                        ? Uni.createFrom().voidItem()
                        : tokens.revokeFamily(token.familyId, now()).replaceWithVoid());
    }

    public Uni<Integer> revokeAllOf(long userId) {
        return tokens.revokeAllOfUser(userId, now());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
