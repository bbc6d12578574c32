package com.clinicsuite.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness DOWN while a consumer has held one message in transient retries for longer than
 * {@code inbox.retry.unhealthy-after}: the service is up but not doing its job (its database is away, say), and
 * what it shows of other services' data is going stale. It comes back UP by itself once the message goes through.
 */
@Readiness
@ApplicationScoped
public class InboxReadiness implements HealthCheck {

    private final InboxRetries retries;
    private final InboxConfig config;

    public InboxReadiness(InboxRetries retries, InboxConfig config) {
        this.retries = retries;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        List<InboxRetries.Retry> stuck = retries.heldLongerThan(config.retry().unhealthyAfter());
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Inbox consumers").status(stuck.isEmpty());
        for (InboxRetries.Retry retry : stuck) {
            response.withData(
                    retry.consumer,
                    "event " + retry.eventId + " failing for " + retry.age().toSeconds() + " s: " + retry.lastError);
        }
        return response.build();
    }
}
