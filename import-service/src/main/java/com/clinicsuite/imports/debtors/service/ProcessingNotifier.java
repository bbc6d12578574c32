package com.clinicsuite.imports.debtors.service;

import com.clinicsuite.events.debtors.ReportProcessed;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Lets an upload request wait for debtor-service's answer about its report: the request registers before the
 * report is handed over, the status consumer completes it. In-memory and per instance: when the answer reaches
 * another instance, the waiting request finds it in the database at the end of its wait instead.
 */
@ApplicationScoped
public class ProcessingNotifier {

    private final ConcurrentMap<String, CompletableFuture<ReportProcessed>> waiting = new ConcurrentHashMap<>();

    public CompletableFuture<ReportProcessed> register(String reportId) {
        return waiting.computeIfAbsent(reportId, id -> new CompletableFuture<>());
    }

    public void complete(ReportProcessed processed) {
        if (processed.reportId() == null) {
            return; // not an answer about a report anyone can wait for (the NullPointerException that stopped a
            // channel)
        }
        CompletableFuture<ReportProcessed> future = waiting.get(processed.reportId());
        if (future != null) {
            future.complete(processed);
        }
    }

    public void forget(String reportId) {
        waiting.remove(reportId);
    }
}
