package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.DebtorFilter;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The debtor list's totals and pages, per (pharmacy, current report, collections version, filter). A pharmacy's
 * debtor rows change only when a report is applied, which moves {@code pharmacy.current_report_id} in the same
 * transaction (the API has no endpoint that edits a debtor); what the list shows of notes, promises and contact
 * preferences changes only with {@code pharmacy.collections_version}, moved on in the transaction of each such change.
 * A request that sees a new report id or version builds new keys, so what was read before can never be answered
 * again. Nothing to invalidate, correct across several replicas; old entries age out of the bounded caches.
 * Anything that changes debtor rows or those account facts otherwise must change the key too.
 *
 * <p>Values are stored once read; two requests missing at the same moment both read (harmless), each in its own
 * session. Only pages of up to {@link #LARGEST_CACHED_PAGE} rows are kept (about 145 KB of heap for 100 rows).
 */
@ApplicationScoped
public class DebtorListCache {

    /** Cache names in configuration ({@code quarkus.cache.caffeine."<name>".*}) and in metrics. */
    public static final String TOTALS = "debtor-list-totals";

    public static final String PAGES = "debtor-list-pages";

    public static final String FACT_ACCOUNTS = "debtor-fact-accounts";

    public static final String SEARCH_MATCHES = "debtor-search-matches";
    static final int LARGEST_CACHED_PAGE = 100;

    /**
     * The set of debtors one filter selects from the set applied by a report, with the pharmacy's notes, promises and
     * contact preferences as of {@code collectionsVersion} (the list shows and filters on them).
     */
    public record Selection(long pharmacyId, long reportId, long collectionsVersion, DebtorFilter filter) {}

    record PageKey(Selection selection, int page, int perPage) {}

    record FactsKey(long pharmacyId, long collectionsVersion) {}

    /**
     * The accounts of a pharmacy that have any collections fact, as of a collections version; {@code all} when there
     * were too many to keep (then every account may have one).
     */
    public record AccountsWithFacts(Set<String> accNos, boolean all) {

        public boolean mayHave(String accNo) {
            return all || accNos.contains(accNo);
        }
    }

    /** A search's matches in list order, as ids (8 bytes each, not boxed: a kept search may hold thousands). */
    public record SearchMatches(long[] ids) {

        public static SearchMatches of(List<Long> ids) {
            return new SearchMatches(ids.stream().mapToLong(Long::longValue).toArray());
        }

        /** The ids of one page (1-based); empty past the end. */
        public List<Long> page(int page, int perPage) {
            long from = (long) (page - 1) * perPage;
            if (from >= ids.length) {
                return List.of();
            }
            int to = (int) Math.min(ids.length, from + perPage);
            return Arrays.stream(ids, (int) from, to).boxed().toList();
        }
    }

    private final CaffeineCache totals;
    private final CaffeineCache pages;
    private final CaffeineCache factAccounts;
    private final CaffeineCache searchMatches;

    public DebtorListCache(
            @CacheName(TOTALS) Cache totals,
            @CacheName(PAGES) Cache pages,
            @CacheName(FACT_ACCOUNTS) Cache factAccounts,
            @CacheName(SEARCH_MATCHES) Cache searchMatches) {
        this.totals = totals.as(CaffeineCache.class);
        this.pages = pages.as(CaffeineCache.class);
        this.factAccounts = factAccounts.as(CaffeineCache.class);
        this.searchMatches = searchMatches.as(CaffeineCache.class);
    }

    /** The selection's matches in list order: cached, else {@code read}'s answer. */
    public Uni<SearchMatches> searchMatches(Selection selection, Supplier<Uni<SearchMatches>> read) {
        return cached(searchMatches, selection, read);
    }

    /** The accounts with facts as of the selection's collections version: cached, else {@code read}'s answer. */
    public Uni<AccountsWithFacts> accountsWithFacts(Selection selection, Supplier<Uni<AccountsWithFacts>> read) {
        return cached(factAccounts, new FactsKey(selection.pharmacyId(), selection.collectionsVersion()), read);
    }

    /** How many debtors the selection holds: cached, else {@code count}'s answer. */
    public Uni<Long> total(Selection selection, Supplier<Uni<Long>> count) {
        return cached(totals, selection, count);
    }

    /** One page of the selection (1-based): cached when small enough, else {@code read}'s answer. */
    public <T> Uni<List<T>> page(Selection selection, int page, int perPage, Supplier<Uni<List<T>>> read) {
        if (perPage > LARGEST_CACHED_PAGE) {
            return read.get();
        }
        return cached(
                pages, new PageKey(selection, page, perPage), () -> read.get().map(List::copyOf));
    }

    private static <V> Uni<V> cached(CaffeineCache cache, Object key, Supplier<Uni<V>> load) {
        CompletableFuture<V> cached = cache.getIfPresent(key);
        if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
            return Uni.createFrom().item(cached.join());
        }
        return load.get().invoke(value -> cache.put(key, CompletableFuture.completedFuture(value)));
    }
}
