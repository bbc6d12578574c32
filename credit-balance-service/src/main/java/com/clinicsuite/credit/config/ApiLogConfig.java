package com.clinicsuite.credit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The API log ({@code api-log.*}): calls are queued in memory, written in batches, kept in monthly partitions. */
@ConfigMapping(prefix = "api-log")
public interface ApiLogConfig {

    /** How often the queue is written (a scheduler expression, e.g. {@code 1s}). */
    @WithDefault("1s")
    String flushInterval();

    /** Calls written per INSERT. */
    @WithDefault("5000")
    int batchSize();

    /**
     * Calls held in memory at most; beyond, a call is dropped and counted ({@code api_log.dropped}). A queued call
     * takes 400-500 bytes of heap (a histogram with 97,120 queued: 4.7 MB of calls, 9.3 MB of their timestamps, and
     * their texts): 20,000 are under 10 MB of the 128 MB heap, and 400 s of calls at 50 a second while the database
     * is away. 100,000 (the earlier bound) was a third of the heap when full: a full collection every few seconds.
     */
    @WithDefault("20000")
    int queueCapacity();

    /** Whole months kept before the current one. */
    @WithDefault("13")
    int retentionMonths();

    /** Monthly partitions created ahead. */
    @WithDefault("2")
    int partitionsAhead();

    /** How often the partitions are checked ({@code off} when a DBA job calls {@code api_log_maintain}). */
    @WithDefault("6h")
    String maintenanceInterval();

    /** Voucher searches per {@code credit.voucher-searches-logged} event at most. */
    @WithDefault("1000")
    int searchesPerEvent();
}
