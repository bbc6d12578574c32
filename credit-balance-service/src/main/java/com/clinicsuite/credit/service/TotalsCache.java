package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CenterTotals;
import com.clinicsuite.credit.repository.CreditBalanceFilter;
import com.clinicsuite.credit.repository.CreditBalanceRepository;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Totals that grow with the table are cached between changes: the stats summary's sums per center scope
 * ({@value #STATS}), dropped after every change committed here (changes made by other replicas show when their event
 * arrives, TotalsChangeListener, or after the cache's expiry, {@code quarkus.cache.caffeine."credit-totals".
 * expire-after-write}), and the lists' {@code X-Total-Count} per filter and scope ({@value #COUNTS}), which needs no
 * dropping: it is keyed by the change version of its scope, which every change moves in the database (see
 * CreditBalanceRepository#changeVersion).
 * <p>
 * Both are {@link SharedFigures}: computed once in a session of their own, whoever asks meanwhile waits for that
 * computation, and a caller that goes away (a client closing its connection) cancels only its own wait.
 * <p>
 * The stats keys start with a generation that {@link #invalidate()} advances: a reader that began before a change
 * committed and finishes after the invalidation stores its (old) figure under the old generation, where nobody
 * looks any more, instead of bringing the old figure back.
 */
@ApplicationScoped
public class TotalsCache {

    public static final String STATS = "credit-totals";
    public static final String COUNTS = "credit-list-counts";

    private final Cache stats;
    private final Cache counts;
    private final CreditBalanceRepository repository;
    private final SharedFigures shared;
    private final AtomicLong generation = new AtomicLong();

    public TotalsCache(
            @CacheName(STATS) Cache stats,
            @CacheName(COUNTS) Cache counts,
            CreditBalanceRepository repository,
            SharedFigures shared) {
        this.stats = stats;
        this.counts = counts;
        this.repository = repository;
        this.shared = shared;
    }

    /** The totals per center of {@code center} (empty: all centers), as of the current generation. */
    public Uni<List<CenterTotals>> totals(String center) {
        return Uni.createFrom()
                .deferred(() -> shared.get(
                        stats, new StatsKey(generation.get(), center), () -> repository.totalsByCenter(center)));
    }

    /**
     * The number of records {@code filter} matches (it holds the caller's center scope), cached under the change
     * version of that scope, read before: exact until the next change there, on any replica.
     */
    public Uni<Long> count(long changeVersion, CreditBalanceFilter filter) {
        return shared.get(counts, new CountKey(changeVersion, filter), () -> repository.countMatching(filter));
    }

    /** The current generation of the stats keys. */
    public long generation() {
        return generation.get();
    }

    /** Call after the transaction of a change committed, so no reader can cache the old figures again. */
    public Uni<Void> invalidate() {
        generation.incrementAndGet();
        return stats.invalidateAll();
    }

    private record StatsKey(long generation, String center) {}

    private record CountKey(long changeVersion, CreditBalanceFilter filter) {}
}
