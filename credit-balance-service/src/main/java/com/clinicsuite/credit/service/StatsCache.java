package com.clinicsuite.credit.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The stats summary sums the whole table, which grows with the data; it is cached per center scope and dropped
 * after every committed change made here. Changes made by other replicas show after the cache's expiry
 * ({@code quarkus.cache.caffeine."credit-totals".expire-after-write}).
 */
@ApplicationScoped
public class StatsCache {

    static final String NAME = "credit-totals";

    private final Cache cache;

    public StatsCache(@CacheName(NAME) Cache cache) {
        this.cache = cache;
    }

    /** Call after the transaction of a change committed, so no reader can cache the old figures again. */
    public Uni<Void> invalidate() {
        return cache.invalidateAll();
    }
}
