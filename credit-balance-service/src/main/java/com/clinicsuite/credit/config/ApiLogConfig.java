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

    /** Calls held in memory at most; beyond, a call is dropped and counted ({@code api_log.dropped}). */
    @WithDefault("100000")
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
