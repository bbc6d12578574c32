package com.clinicsuite.debtor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The report watchdog ({@code debtor.watchdog.*}, issue 18.2: no state without an end). */
@ConfigMapping(prefix = "debtor.watchdog")
public interface WatchdogConfig {

    /**
     * How long a report may stay {@code processing} after its first chunk arrived before the watchdog ends it as
     * failed (timed out). A 50,000-account report is applied in well under a minute once its chunks are in; 15 minutes
     * covers a slow broker and a few consumer restarts, and is what a user waiting for the answer can bear.
     */
    @WithDefault("PT15M")
    Duration reportTimeout();

    /** How often the watchdog looks (on one replica at a time); also in the {@code @Scheduled} expression. */
    @WithDefault("1m")
    String interval();

    /** Reports ended per run at most (the rest the next run). */
    @WithDefault("100")
    int batchSize();
}
