package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.ReportSnapshots.MovementFilter;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Movement answers per (pharmacy, current report, asked pair, filter, page). What an answer reads never changes once
 * written (snapshots and movement rows are computed once per report), except the current debtor ids it names, which
 * change only when a report is applied, and that moves {@code pharmacy.current_report_id}, part of the key: nothing
 * to invalidate, correct across replicas (as {@link DebtorListCache}). Failures are not kept.
 */
@ApplicationScoped
public class MovementCache {

    /** Cache name in configuration ({@code quarkus.cache.caffeine."debtor-movement".*}) and in metrics. */
    public static final String NAME = "debtor-movement";

    record Key(
            long pharmacyId,
            long currentReportId,
            Long fromReport,
            Long toReport,
            MovementFilter filter,
            int page,
            int perPage) {}

    private final CaffeineCache cache;

    public MovementCache(@CacheName(NAME) Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    Uni<MovementQueries.Movement> get(Key key, Supplier<Uni<MovementQueries.Movement>> load) {
        CompletableFuture<MovementQueries.Movement> cached = cache.getIfPresent(key);
        if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
            return Uni.createFrom().item(cached.join());
        }
        return load.get().invoke(value -> cache.put(key, CompletableFuture.completedFuture(value)));
    }
}
