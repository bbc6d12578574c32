package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CreditBalanceRepository;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Totals that grow with the table are cached between changes: the stats summary's sums per center scope
 * ({@value #STATS}), dropped after every change committed here (changes made by other replicas show after the
 * cache's expiry, {@code quarkus.cache.caffeine."credit-totals".expire-after-write}), and the lists'
 * {@code X-Total-Count} per filter and scope ({@value #COUNTS}), which needs no dropping: it is keyed by the change
 * version of its scope, which every change moves in the database (see CreditBalanceRepository#countMatching).
 * <p>
 * The cache keys start with a generation that {@link #invalidate()} advances: a reader that began before a change
 * committed and finishes after the invalidation stores its (old) figure under the old generation, where nobody
 * looks any more, instead of bringing the old figure back.
 */
@ApplicationScoped
public class TotalsCache {

    public static final String STATS = CreditBalanceRepository.TOTALS_CACHE;
    public static final String COUNTS = CreditBalanceRepository.COUNTS_CACHE;

    private final Cache stats;
    private final AtomicLong generation = new AtomicLong();

    public TotalsCache(@CacheName(STATS) Cache stats) {
        this.stats = stats;
    }

    /** Read before computing a figure; part of its cache key. */
    public long generation() {
        return generation.get();
    }

    /** Call after the transaction of a change committed, so no reader can cache the old figures again. */
    public Uni<Void> invalidate() {
        generation.incrementAndGet();
        return stats.invalidateAll();
    }
}
