package com.clinicsuite.security;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.auth.UserDeactivated;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Users auth-service deactivated, learnt from {@code auth.users}. Every instance reads the topic from the start
 * with a group id of its own (no shared offsets), so after a restart it knows every deactivation again; no
 * database is needed. A token issued before its user's deactivation is refused with 401 within the time the
 * event takes to arrive (typically well under a second), instead of living until it expires.
 */
@ApplicationScoped
public class DeactivatedUsers {

    private static final Logger LOG = Logger.getLogger(DeactivatedUsers.class);

    private final ObjectMapper mapper;
    private final Map<Long, Instant> deactivatedAt = new ConcurrentHashMap<>();

    public DeactivatedUsers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Incoming("auth-users")
    public CompletionStage<Void> onUserEvent(Message<String> message) {
        String type = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(m -> ((IncomingCloudEventMetadata<?>) m).getType())
                .orElse("");
        if (EventCatalog.USER_DEACTIVATED.type().equals(type)) {
            try {
                UserDeactivated event = mapper.readValue(message.getPayload(), UserDeactivated.class);
                deactivatedAt.merge(event.userId(), event.deactivatedAt(), (a, b) -> a.isAfter(b) ? a : b);
            } catch (Exception e) {
                LOG.warnf("Ignoring an unreadable %s event: %s", type, e.getMessage());
            }
        }
        return message.ack();
    }

    /** True when the user was deactivated at or after the moment this token was issued. */
    public boolean isRevoked(long userId, Instant issuedAt) {
        return Optional.ofNullable(deactivatedAt.get(userId))
                .map(at -> !issuedAt.isAfter(at))
                .orElse(false);
    }

    /** Records a deactivation directly (auth-service, which knows first). */
    public void record(long userId, Instant at) {
        deactivatedAt.merge(userId, at, (a, b) -> a.isAfter(b) ? a : b);
    }
}
