package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.ReminderRun;
import com.clinicsuite.debtor.repository.ReminderRunRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Creates policy runs. A run is one row per (pharmacy, trigger, slot key), unique in the database, so a trigger
 * occasion seen by several replicas (or again after a restart) makes one run; it waits {@code pending} until its
 * first allowed moment (the end of quiet hours) and {@link ReminderRunExecutor} runs it. In the caller's transaction.
 */
@ApplicationScoped
public class ReminderRuns {

    private final ReminderRunRepository runs;

    public ReminderRuns(ReminderRunRepository runs) {
        this.runs = runs;
    }

    public Uni<ReminderRun> claim(
            long pharmacyId,
            String trigger,
            String slotKey,
            Long reportId,
            String requestedBy,
            PolicySettings policy,
            OffsetDateTime now) {
        ReminderRun run = new ReminderRun();
        run.pharmacyId = pharmacyId;
        run.trigger = trigger;
        run.slotKey = slotKey;
        run.reportId = reportId;
        run.status = ReminderRun.PENDING;
        run.notBefore = policy.firstAllowed(now.toInstant()).atOffset(ZoneOffset.UTC);
        run.createdAt = now;
        run.requestedBy = requestedBy;
        return runs.persist(run);
    }
}
