package com.clinicsuite.imports.debtors.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes an upload request waiting for debtor-service's answer about its report. The request registers before the
 * report is handed over; a signal only says "the answer about this report was published": the request then reads
 * the upload's status from the database, which is the answer (so it never answers from an event the database may
 * not hold yet, nor differently from {@code GET .../uploads/{id}}).
 *
 * <p>Two sources signal (README, "Waiting for debtor-service's answer across replicas"): the report-status consumer
 * of the shared group, after its transaction recorded the answer (on the instance that owns the pharmacy's
 * partition), and the per-instance {@code ReportStatusWaker}, which reads every answer on every instance, possibly
 * before the shared consumer (here or on another replica) committed it. In-memory and per instance.
 */
@ApplicationScoped
public class ProcessingNotifier {

    private final ConcurrentMap<String, Wake> waiting = new ConcurrentHashMap<>();

    public Wake register(String reportId) {
        return waiting.computeIfAbsent(reportId, id -> new Wake());
    }

    /**
     * Wakes the request waiting on this instance for the report, if any.
     *
     * @return whether a request of this instance was waiting for it
     */
    public boolean signal(String reportId) {
        if (reportId == null) {
            return false; // not an answer about a report anyone can wait for (the NullPointerException that stopped a
            // channel: deploy/chaos/FINDINGS.md, finding 1)
        }
        Wake wake = waiting.get(reportId);
        if (wake == null) {
            return false;
        }
        wake.signals.release();
        return true;
    }

    public void forget(String reportId) {
        if (reportId != null) {
            waiting.remove(reportId);
        }
    }

    /** One waiting request's wake-ups; a signal sent before the request waits is kept for it. */
    public static final class Wake {

        private final Semaphore signals = new Semaphore(0);

        /** Waits up to {@code timeout} for a signal; true when one came (then and any sent since are taken). */
        public boolean await(Duration timeout) throws InterruptedException {
            boolean signalled = signals.tryAcquire(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            if (signalled) {
                signals.drainPermits();
            }
            return signalled;
        }
    }
}
