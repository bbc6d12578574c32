package com.clinicsuite.notification.client;

import com.clinicsuite.notification.config.NotificationConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries provider calls that failed for a transient reason (429, 5xx, timeouts) with exponential backoff and
 * jitter, waiting at least the provider's Retry-After first; other failures end at once.
 */
@ApplicationScoped
public class RetryPolicy {

    private final NotificationConfig.Retry config;
    private final MeterRegistry registry;

    public RetryPolicy(NotificationConfig config, MeterRegistry registry) {
        this.config = config.retry();
        this.registry = registry;
    }

    public <T> Uni<T> call(String provider, Supplier<Uni<? extends T>> call) {
        return Uni.createFrom()
                .<T>deferred(call)
                .onFailure()
                .transform(e -> ProviderFailures.classify(provider, e))
                .onFailure(RetryPolicy::retryable)
                .call(e -> {
                    registry.counter("notification.provider.retries", "provider", provider)
                            .increment();
                    return waitRetryAfter((DeliveryException) e);
                })
                .onFailure(RetryPolicy::retryable)
                .retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff())
                .withJitter(0.2)
                .atMost(config.maxRetries());
    }

    private Uni<Void> waitRetryAfter(DeliveryException e) {
        Duration wait = e.retryAfter().orElse(Duration.ZERO);
        if (wait.compareTo(config.maxRetryAfter()) > 0) {
            wait = config.maxRetryAfter();
        }
        return TimerDelay.after(wait);
    }

    private static boolean retryable(Throwable e) {
        return e instanceof DeliveryException d && d.retryable();
    }
}
