package com.clinicsuite.debtor.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The collections watchdog, on every replica: follows up completed reports left waiting (a crash after the
 * replacement), claims due schedule slots (also the one missed while the service was down) and runs due policy
 * runs (after-upload runs, runs whose quiet hours ended, runs left pending by a crash). Row locks and unique keys
 * keep replicas from doing anything twice.
 */
@ApplicationScoped
public class CollectionsSweeper {

    private static final Logger LOG = Logger.getLogger(CollectionsSweeper.class);

    private final ReportFollowUp followUp;
    private final ScheduleSlots schedules;
    private final ReminderRunExecutor runs;

    public CollectionsSweeper(ReportFollowUp followUp, ScheduleSlots schedules, ReminderRunExecutor runs) {
        this.followUp = followUp;
        this.schedules = schedules;
        this.runs = runs;
    }

    @Scheduled(
            identity = "collections-sweeper",
            every = "${debtor.collections.sweep-interval:2s}",
            delayed = "${debtor.collections.sweep-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return followUp.followUpAllPending(50)
                .chain(schedules::claimDueSlots)
                .chain(runs::runDue)
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.errorf("Collections sweep failed (next sweep retries): %s", e.toString());
                    return null;
                });
    }
}
