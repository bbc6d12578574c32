package com.clinicsuite.credit.service;

import com.clinicsuite.credit.config.ApiLogConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Calls waiting to be written to the API log. Enqueueing never blocks a request; the queue is bounded, and
 * when the database cannot keep up the overflow is counted ({@code api_log_dropped_total}) rather than letting
 * memory grow without end.
 */
@ApplicationScoped
public class ApiLogQueue {

    private static final Logger LOG = Logger.getLogger(ApiLogQueue.class);
    private static final long WARNING_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final ConcurrentLinkedDeque<ApiCall> calls = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private final Counter dropped;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_EVERY_NANOS);

    public ApiLogQueue(ApiLogConfig config, MeterRegistry registry) {
        this.capacity = config.queueCapacity();
        this.dropped = registry.counter("api_log.dropped");
        Gauge.builder("api_log.queued", size, AtomicInteger::get).register(registry);
    }

    public void add(ApiCall call) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.increment();
            warnOfDropping();
            return;
        }
        calls.add(call);
    }

    /** At most once a minute, so a flood of dropped calls does not become a flood of log lines. */
    private void warnOfDropping() {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARNING_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warnf(
                    "The API log queue is full (%d calls): calls are not being logged, %.0f so far. "
                            + "The database is not keeping up or is unreachable; see api_log_queued.",
                    capacity, dropped.count());
        }
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

    /**
     * Puts calls taken earlier back at the head, in their order, for the next run (the database was away). They
     * were admitted already, so the capacity is not checked again: the queue may exceed it by one batch.
     */
    public void putBack(List<ApiCall> taken) {
        for (int i = taken.size() - 1; i >= 0; i--) {
            calls.addFirst(taken.get(i));
            size.incrementAndGet();
        }
    }

    public boolean isEmpty() {
        return calls.isEmpty();
    }
}
