package com.clinicsuite.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The messages the inbox is holding in transient retries, per consumer: what the gauges
 * {@code inbox_retrying{consumer}} (how many) and {@code inbox_retrying_seconds{consumer}} (since the oldest one's
 * first failure) and the readiness check {@link InboxReadiness} show. Each held message has one {@link Retry}.
 */
@ApplicationScoped
public class InboxRetries {

    private static final Logger LOG = Logger.getLogger(InboxRetries.class);
    /** While a message keeps failing, its state is logged again at most this often. */
    private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final MeterRegistry registry;
    private final Set<Retry> retrying = Collections.newSetFromMap(new ConcurrentHashMap<>());
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();

    public InboxRetries(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One message being retried: when it first failed, how often, and why last (no payload, no personal data). */
    public static final class Retry {
        final String consumer;
        final String eventId;
        final long firstFailure = System.nanoTime();
        volatile int failures;
        volatile String lastError;
        volatile long lastLogged;

        Retry(String consumer, String eventId) {
            this.consumer = consumer;
            this.eventId = eventId;
        }

        Duration age() {
            return Duration.ofNanos(System.nanoTime() - firstFailure);
        }
    }

    /** Makes the consumer's gauges exist (at 0) from its first message on, so alerts can rely on them. */
    void consumerSeen(String consumer) {
        retries.computeIfAbsent(consumer, name -> {
            Gauge.builder("inbox.retrying", this, r -> r.count(name))
                    .description("messages the consumer holds in transient retries")
                    .tag("consumer", name)
                    .register(registry);
            Gauge.builder("inbox.retrying.seconds", this, r -> r.oldestSeconds(name))
                    .description("seconds since the first failure of the oldest message held in retries")
                    .tag("consumer", name)
                    .register(registry);
            return Counter.builder("inbox.retries")
                    .description("transient failures retried")
                    .tag("consumer", name)
                    .register(registry);
        });
    }

    /** Records a transient failure of a message (a new {@link Retry} when {@code retry} is null); returns it. */
    Retry failed(Retry retry, String consumer, String eventId, Throwable failure) {
        Retry current = retry != null ? retry : new Retry(consumer, eventId);
        current.failures++;
        current.lastError = Failures.describe(failure);
        retrying.add(current);
        consumerSeen(consumer);
        retries.get(consumer).increment();
        long now = System.nanoTime();
        if (current.failures == 1 || now - current.lastLogged >= LOG_EVERY_NANOS) {
            current.lastLogged = now;
            LOG.warnf(
                    "%s holds event %s in retries (transient failure %d, %d s since the first): %s",
                    consumer, eventId, current.failures, current.age().toSeconds(), current.lastError);
        }
        return current;
    }

    /** The message was processed or dead-lettered: it no longer holds its consumer. */
    void finished(Retry retry) {
        if (retry != null && retrying.remove(retry)) {
            LOG.infof(
                    "%s got past event %s after %d transient failures in %d s",
                    retry.consumer, retry.eventId, retry.failures, retry.age().toSeconds());
        }
    }

    /** The messages held longer than {@code threshold}, oldest first. */
    public List<Retry> heldLongerThan(Duration threshold) {
        return retrying.stream()
                .filter(r -> r.age().compareTo(threshold) > 0)
                .sorted(Comparator.comparingLong(r -> r.firstFailure))
                .toList();
    }

    private double count(String consumer) {
        return retrying.stream().filter(r -> r.consumer.equals(consumer)).count();
    }

    private double oldestSeconds(String consumer) {
        Optional<Retry> oldest = retrying.stream()
                .filter(r -> r.consumer.equals(consumer))
                .min(Comparator.comparingLong(r -> r.firstFailure));
        return oldest.map(r -> r.age().toMillis() / 1000.0).orElse(0.0);
    }
}
