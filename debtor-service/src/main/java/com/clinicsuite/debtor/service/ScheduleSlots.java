package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.ReminderPolicy;
import com.clinicsuite.debtor.repository.ReminderPolicyRepository;
import com.clinicsuite.debtor.repository.ReminderRunRepository;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns the cron schedules of policies into runs. Each sweep claims, per scheduled policy, the latest slot that has
 * passed (in the pharmacy's zone) if no run has it yet and it is later than the schedule itself: a slot missed while
 * the service was down therefore runs once on start (older missed slots are not caught up), and the run's unique key
 * {@code schedule:<slot>} keeps replicas from claiming it twice.
 */
@ApplicationScoped
public class ScheduleSlots {

    private static final Logger LOG = Logger.getLogger(ScheduleSlots.class);
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ReminderPolicyRepository policies;
    private final ReminderRunRepository runs;
    private final ReminderRuns claims;
    private final Clock clock;

    public ScheduleSlots(
            ReminderPolicyRepository policies, ReminderRunRepository runs, ReminderRuns claims, Clock clock) {
        this.policies = policies;
        this.runs = runs;
        this.claims = claims;
        this.clock = clock;
    }

    /** Parses a five-field cron expression (minute hour day-of-month month day-of-week); IllegalArgumentException. */
    public static void validate(String expression) {
        CRON.parse(expression).validate();
    }

    /** The latest slot of the schedule at or before {@code now}, in {@code zone}. */
    static Optional<Instant> lastSlot(String expression, ZoneId zone, Instant now) {
        ExecutionTime times = ExecutionTime.forCron(CRON.parse(expression));
        var local = now.atZone(zone);
        if (times.isMatch(local.withSecond(0).withNano(0))) {
            return Optional.of(local.withSecond(0).withNano(0).toInstant());
        }
        return times.lastExecution(local).map(t -> t.toInstant());
    }

    public Uni<Void> claimDueSlots() {
        Instant now = clock.instant();
        return Panache.withSession(() -> policies.enabledWithTrigger(ReminderPolicy.SCHEDULE))
                .chain(scheduled -> scheduled.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Multi.createFrom()
                                .iterable(scheduled)
                                .onItem()
                                .transformToUniAndConcatenate(policy -> claim(policy, now))
                                .collect()
                                .last()
                                .replaceWithVoid());
    }

    private Uni<Void> claim(ReminderPolicy policy, Instant now) {
        if (policy.schedule == null) {
            return Uni.createFrom().voidItem();
        }
        PolicySettings settings = PolicySettings.of(policy);
        Optional<Instant> slot = lastSlot(policy.schedule, settings.zone(), now);
        if (slot.isEmpty() || !slot.get().isAfter(policy.scheduleSince.toInstant())) {
            return Uni.createFrom().voidItem();
        }
        String key = "schedule:" + slot.get();
        return Panache.withTransaction(() -> runs.exists(policy.pharmacyId, ReminderPolicy.SCHEDULE, key)
                        .chain(exists -> exists
                                ? Uni.createFrom().voidItem()
                                : claims.claim(
                                                policy.pharmacyId,
                                                ReminderPolicy.SCHEDULE,
                                                key,
                                                null,
                                                null,
                                                settings,
                                                OffsetDateTime.now(clock))
                                        .invoke(run -> LOG.infof(
                                                "Pharmacy %d: schedule slot %s claimed as run %d",
                                                policy.pharmacyId, slot.get(), run.id))
                                        .replaceWithVoid()))
                // another replica claimed the same slot between our check and insert: its run is the one
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.debugf("Pharmacy %d: slot %s not claimed here: %s", policy.pharmacyId, key, e);
                    return null;
                });
    }
}
