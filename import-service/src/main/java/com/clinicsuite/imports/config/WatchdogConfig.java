package com.clinicsuite.imports.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * import-service's watchdogs ({@code import.watchdog.*}, issue 18.2: no state without an end): the upload and
 * credit-applying watchdogs (one replica at a time) and the abandoned credit import sweep (heartbeats, every
 * instance; formerly {@code credit-import.stale-after}, {@code heartbeat-interval}, {@code watchdog-interval}).
 */
@ConfigMapping(prefix = "import.watchdog")
public interface WatchdogConfig {

    /**
     * How long a debtor report upload may stay {@code processing} (waiting for debtor-service's answer) before it is
     * ended as failed (timed out). Longer than debtor-service's own bound ({@code debtor.watchdog.report-timeout},
     * 15 min, counted from its first chunk's arrival) by 5 minutes, so debtor-service's own answer (applied, or failed
     * with its reason) normally arrives first.
     */
    @WithDefault("PT20M")
    Duration uploadTimeout();

    /**
     * How long a credit import may stay {@code applying} (its rows published, credit-balance-service's result awaited)
     * before it is ended as failed (timed out) and called off ({@code imports.credit-import-aborted.v1}: what
     * credit-balance-service staged of it is dropped, it is never applied afterwards). Applying 100,000 rows takes
     * about a minute; 15 minutes covers a broker or consumer outage of several minutes.
     */
    @WithDefault("PT15M")
    Duration creditApplyingTimeout();

    /**
     * How long a credit import may stay {@code queued} or {@code parsing} without a heartbeat before
     * {@code CreditImportWatchdog} (on every instance) ends it as failed (interrupted): the instance that held it in
     * memory stopped. Several heartbeats ({@link #creditHeartbeatInterval()}) must be missed first.
     */
    @WithDefault("PT3M")
    Duration creditStaleAfter();

    /**
     * How often an instance renews the heartbeat of the credit imports it holds in memory (queued or parsing); also in
     * the {@code @Scheduled} expression of {@code CreditImportWatchdog}.
     */
    @WithDefault("30s")
    String creditHeartbeatInterval();

    /** How often the watchdogs look (on one replica at a time); also in their {@code @Scheduled} expressions. */
    @WithDefault("1m")
    String interval();

    /** Operations ended per run at most (the rest the next run). */
    @WithDefault("100")
    int batchSize();
}
