package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.config.CollectionsConfig;
import com.clinicsuite.debtor.repository.PharmacyRepository;
import com.clinicsuite.debtor.repository.ReminderPolicy;
import com.clinicsuite.debtor.repository.ReminderPolicyRepository;
import com.clinicsuite.debtor.repository.ReminderRun;
import com.clinicsuite.debtor.repository.ReminderRunRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

/**
 * Runs pending policy runs, exactly once each. One transaction per run locks its row ({@code SKIP LOCKED}: a run
 * another replica is running is left alone), plans, queues every reminder (rows and events) and marks the run
 * finished. A crash before the commit undoes all of it, the run stays pending and runs again later; after the commit
 * it is finished and never runs again. So a restart or a second replica never sends a reminder twice.
 */
@ApplicationScoped
public class ReminderRunExecutor {

    private static final Logger LOG = Logger.getLogger(ReminderRunExecutor.class);

    private final ReminderRunRepository runs;
    private final ReminderPolicyRepository policies;
    private final ReminderPlanner planner;
    private final PolicyReminderQueue queue;
    private final CollectionsConfig config;
    private final Clock clock;
    private final PharmacyRepository pharmacies;

    public ReminderRunExecutor(
            ReminderRunRepository runs,
            ReminderPolicyRepository policies,
            ReminderPlanner planner,
            PolicyReminderQueue queue,
            CollectionsConfig config,
            Clock clock,
            PharmacyRepository pharmacies) {
        this.runs = runs;
        this.policies = policies;
        this.planner = planner;
        this.queue = queue;
        this.config = config;
        this.clock = clock;
        this.pharmacies = pharmacies;
    }

    /** Runs the pending runs that are due, oldest first, each in its own transaction. */
    public Uni<Void> runDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withSession(() -> runs.due(now, config.runsPerSweep()))
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Multi.createFrom()
                                .iterable(ids)
                                .onItem()
                                .transformToUniAndConcatenate(this::run)
                                .collect()
                                .last()
                                .replaceWithVoid());
    }

    /** Runs one run if it is pending, due and not being run elsewhere; true when it finished (or was cancelled) now. */
    public Uni<Boolean> run(long runId) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.find(ReminderRun.class, runId, LockMode.UPGRADE_SKIPLOCKED))
                .chain(run -> {
                    Instant now = clock.instant();
                    if (run == null
                            || !run.isPending()
                            || run.notBefore.toInstant().isAfter(now)) {
                        return Uni.createFrom().item(false);
                    }
                    return policies.ofPharmacy(run.pharmacyId).chain(stored -> run(run, stored, now));
                }));
    }

    private Uni<Boolean> run(ReminderRun run, ReminderPolicy stored, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        boolean manual = ReminderPolicy.MANUAL.equals(run.trigger);
        if (!manual && (stored == null || !stored.enabled || !run.trigger.equals(stored.trigger))) {
            run.status = ReminderRun.CANCELLED;
            run.finishedAt = at;
            run.note = "The policy no longer runs " + run.trigger.replace('_', ' ') + " (disabled or changed)";
            return Uni.createFrom().item(true);
        }
        PolicySettings policy = PolicySettings.of(stored);
        Instant allowed = policy.firstAllowed(now);
        if (allowed.isAfter(now)) { // quiet hours began while it waited: wait for their end
            run.notBefore = allowed.atOffset(ZoneOffset.UTC);
            return Uni.createFrom().item(false);
        }
        long started = System.nanoTime();
        long[] planned = new long[1];
        // the pharmacy's lock, as a manual request takes it: the plan's cool-down and the reminders it records are
        // one step for every other writer of the pharmacy's reminders (issue 18.6)
        return pharmacies
                .lockForUpdate(run.pharmacyId)
                .chain(() -> planner.plan(run.pharmacyId, policy, now))
                .invoke(() -> planned[0] = System.nanoTime())
                .chain(plan -> queue.queue(run, plan.wouldSend(), at, policy.attachStatement())
                        .map(queued -> {
                            run.status = ReminderRun.FINISHED;
                            run.startedAt = at;
                            run.finishedAt = OffsetDateTime.now(clock);
                            run.queued = queued;
                            run.skipped = plan.skipped().size();
                            long done = System.nanoTime();
                            LOG.infof(
                                    "Reminder run %d (%s) of pharmacy %d: %d queued, %d skipped in %d ms (plan %d ms, queue %d ms)",
                                    run.id,
                                    run.trigger,
                                    run.pharmacyId,
                                    run.queued,
                                    run.skipped,
                                    (done - started) / 1_000_000,
                                    (planned[0] - started) / 1_000_000,
                                    (done - planned[0]) / 1_000_000);
                            return true;
                        }));
    }
}
