package com.clinicsuite.debtor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Collections settings ({@code debtor.collections.*}): report follow-ups and reminder policy runs. */
@ConfigMapping(prefix = "debtor.collections")
public interface CollectionsConfig {

    /** Runs listed by GET /reminder-runs (newest first). */
    @WithDefault("100")
    int runHistoryLimit();

    /** Due runs one sweep executes (each in its own transaction). */
    @WithDefault("20")
    int runsPerSweep();

    /** How often {@code CollectionsSweeper} runs (its {@code @Scheduled} reads the property). */
    @WithDefault("2s")
    String sweepInterval();

    /** How long after start the sweeper first runs. */
    @WithDefault("5s")
    String sweepDelay();
}
