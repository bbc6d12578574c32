package com.clinicsuite.security;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.auth.UserAccessChanged;
import com.clinicsuite.events.auth.UserDeactivated;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * A per-user "not before" instant learnt from {@code auth.users}: when a user's access changes (grants, roles,
 * center), their password is reset or they are deactivated, every token issued to them before that change is
 * refused (401 {@code token_revoked}) on the next request, here and on every replica of every service, within the
 * time the event takes to arrive (well under a second; docs/security.md has the figure).
 * <p>
 * A token's place in time is its {@value Claims#ACCESS_VERSION} claim: the epoch milliseconds of the last change
 * of the user's access that auth-service read together with the claims it signed. It equals the event's
 * {@code not_before} for tokens issued after that change and is older for every token issued before it, even in the
 * same second, and a token issued from access read before a concurrent change is refused too. A token without the
 * claim (issued before it existed) is placed by its {@code iat}, rounded down to the second: it is refused when
 * issued in the second of a change, whichever side of it.
 * <p>
 * Every instance reads the topic from the start with a group id of its own (no shared offsets), so after a restart
 * it knows every change again; the topic keeps 30 days, far beyond a token's lifetime. No database is needed.
 */
@ApplicationScoped
public class AccessRevocations {

    private static final Logger LOG = Logger.getLogger(AccessRevocations.class);

    private final ObjectMapper mapper;
    /** user id to the epoch milliseconds before which that user's tokens are refused */
    private final Map<Long, Long> notBefore = new ConcurrentHashMap<>();

    public AccessRevocations(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Incoming("auth-users")
    public CompletionStage<Void> onUserEvent(Message<String> message) {
        String type = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(m -> ((IncomingCloudEventMetadata<?>) m).getType())
                .orElse("");
        try {
            if (EventCatalog.USER_ACCESS_CHANGED.type().equals(type)) {
                UserAccessChanged event = mapper.readValue(message.getPayload(), UserAccessChanged.class);
                revokeBefore(event.userId(), event.notBefore());
            } else if (EventCatalog.USER_DEACTIVATED.type().equals(type)) {
                // auth-service publishes user-access-changed too; this one also covers events of older releases
                UserDeactivated event = mapper.readValue(message.getPayload(), UserDeactivated.class);
                revokeBefore(event.userId(), event.deactivatedAt());
            }
        } catch (Exception e) {
            LOG.warnf("Ignoring an unreadable %s event: %s", type, e.getMessage());
        }
        return message.ack();
    }

    /** True when this token of this user was issued before the user's access last changed. */
    public boolean isRevoked(long userId, JsonWebToken token) {
        Long before = notBefore.get(userId);
        return before != null && accessVersion(token) < before;
    }

    void revokeBefore(long userId, Instant instant) {
        notBefore.merge(userId, instant.toEpochMilli(), Math::max);
    }

    /** The token's {@value Claims#ACCESS_VERSION} claim, or its {@code iat} in milliseconds when it has none. */
    static long accessVersion(JsonWebToken token) {
        Object claim = token.getClaim(Claims.ACCESS_VERSION);
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        if (claim instanceof Number number) {
            return number.longValue();
        }
        return token.getIssuedAtTime() * 1000;
    }
}
