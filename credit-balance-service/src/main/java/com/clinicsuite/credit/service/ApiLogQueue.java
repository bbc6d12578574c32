package com.clinicsuite.credit.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Calls waiting to be written to the API log. Enqueueing never blocks a request; the queue is bounded, and
 * when the database cannot keep up the overflow is counted ({@code api_log_dropped_total}) rather than letting
 * memory grow without end.
 */
@ApplicationScoped
public class ApiLogQueue {

    private final ConcurrentLinkedQueue<ApiCall> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private final Counter dropped;

    public ApiLogQueue(@ConfigProperty(name = "api-log.queue-capacity", defaultValue = "100000") int capacity,
                       MeterRegistry registry) {
        this.capacity = capacity;
        this.dropped = registry.counter("api_log.dropped");
        Gauge.builder("api_log.queued", size, AtomicInteger::get).register(registry);
    }

    public void add(ApiCall call) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.increment();
            return;
        }
        calls.add(call);
    }

    /** Takes up to {@code max} calls, oldest first. */
    public List<ApiCall> take(int max) {
        List<ApiCall> batch = new ArrayList<>(Math.min(max, Math.max(size.get(), 0)));
        ApiCall call;
        while (batch.size() < max && (call = calls.poll()) != null) {
            size.decrementAndGet();
            batch.add(call);
        }
        return batch;
    }

    public boolean isEmpty() {
        return calls.isEmpty();
    }
}
