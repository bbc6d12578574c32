package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.config.CollectionsConfig;
import com.clinicsuite.debtor.repository.ReminderPolicy;
import com.clinicsuite.debtor.repository.ReminderPolicyRepository;
import com.clinicsuite.debtor.repository.ReminderRun;
import com.clinicsuite.debtor.repository.ReminderRunRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A pharmacy's reminder policy: read, replace, preview, run by hand, and its runs' history. */
@ApplicationScoped
public class ReminderPolicies {

    /** A run with how many of its reminders notification-service reported failed. */
    public record RunWithFailures(ReminderRun run, long failed) {}

    private final PharmacyDirectory directory;
    private final ReminderPolicyRepository policies;
    private final ReminderRunRepository runs;
    private final ReminderRuns claims;
    private final ReminderPlanner planner;
    private final CollectionsConfig config;
    private final Clock clock;

    public ReminderPolicies(
            PharmacyDirectory directory,
            ReminderPolicyRepository policies,
            ReminderRunRepository runs,
            ReminderRuns claims,
            ReminderPlanner planner,
            CollectionsConfig config,
            Clock clock) {
        this.directory = directory;
        this.policies = policies;
        this.runs = runs;
        this.claims = claims;
        this.planner = planner;
        this.config = config;
        this.clock = clock;
    }

    /** The saved policy, or the disabled default. */
    @WithSession
    public Uni<PolicySettings> get(long pharmacyId) {
        return directory
                .require(pharmacyId)
                .chain(() -> policies.ofPharmacy(pharmacyId))
                .map(PolicySettings::of);
    }

    /** Replaces the policy (already validated). */
    @WithTransaction
    public Uni<PolicySettings> put(long pharmacyId, PolicySettings settings, String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return directory
                .require(pharmacyId)
                .chain(() -> policies.ofPharmacy(pharmacyId))
                .chain(existing -> {
                    ReminderPolicy row = existing != null ? existing : new ReminderPolicy();
                    row.pharmacyId = pharmacyId;
                    settings.applyTo(row, now);
                    row.updatedBy = username;
                    return existing != null ? Uni.createFrom().item(row) : policies.persist(row);
                })
                .map(PolicySettings::of);
    }

    /** Whom the saved policy (or the default) would contact now, and whom it would skip, without sending. */
    @WithSession
    public Uni<ReminderPlanner.Plan> preview(long pharmacyId) {
        return get(pharmacyId).chain(policy -> planner.plan(pharmacyId, policy, clock.instant()));
    }

    /** Newest first, with the failed deliveries of each. */
    @WithSession
    public Uni<List<RunWithFailures>> runs(long pharmacyId) {
        return directory
                .require(pharmacyId)
                .chain(() -> runs.history(pharmacyId, config.runHistoryLimit()))
                .chain(history -> runs.failedByRun(
                                history.stream().map(r -> r.id).toList())
                        .map(failed -> withFailures(history, failed)));
    }

    /**
     * A manual run of the saved policy (or the default), whether or not it is enabled (enabled governs the
     * automatic triggers): pending now, or until the end of quiet hours; the sweeper runs it.
     */
    @WithTransaction
    public Uni<ReminderRun> runNow(long pharmacyId, String username) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return directory
                .require(pharmacyId)
                .chain(() -> policies.ofPharmacy(pharmacyId))
                .chain(policy -> claims.claim(
                        pharmacyId,
                        ReminderPolicy.MANUAL,
                        "manual:" + UUID.randomUUID(),
                        null,
                        username,
                        PolicySettings.of(policy),
                        now));
    }

    private static List<RunWithFailures> withFailures(List<ReminderRun> history, Map<Long, Long> failed) {
        return history.stream()
                .map(r -> new RunWithFailures(r, failed.getOrDefault(r.id, 0L)))
                .toList();
    }
}
