package com.clinicsuite.notification.service;

import com.clinicsuite.notification.client.TimerDelay;
import com.clinicsuite.notification.config.NotificationConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces each pharmacy's messages to {@code notification.dispatch.messages-per-second-per-pharmacy}: every caller
 * reserves the next free slots and waits for them, so one pharmacy's big run cannot exhaust its provider quota
 * in a burst. Per replica.
 */
@ApplicationScoped
public class PharmacyRateLimiter {

    private final long nanosPerMessage;
    private final Map<Long, Long> nextFreeSlot = new ConcurrentHashMap<>();

    public PharmacyRateLimiter(NotificationConfig config) {
        this.nanosPerMessage = (long) (1_000_000_000L / config.dispatch().messagesPerSecondPerPharmacy());
    }

    /** Completes when {@code messages} more messages of this pharmacy may go out. */
    public Uni<Void> acquire(long pharmacyId, int messages) {
        long now = System.nanoTime();
        long cost = nanosPerMessage * messages;
        long end = nextFreeSlot.merge(pharmacyId, now + cost, (previous, ignored) -> Math.max(previous, now) + cost);
        long wait = end - cost - now;
        return TimerDelay.after(Duration.ofNanos(wait));
    }
}
