package com.clinicsuite.debtor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the communication history is kept ({@code debtor.communications.*}). */
@ConfigMapping(prefix = "debtor.communications")
public interface CommunicationRetentionConfig {

    /**
     * Reminders older than this are deleted. Three years: a debt that old has prescribed (South Africa's
     * Prescription Act, ordinary debts), so the record of asking for it no longer serves, and POPIA wants personal
     * information kept no longer than it serves.
     */
    @WithDefault("P1095D")
    Duration retention();

    /** How often the cleanup runs (a scheduler period such as {@code 6h}, or {@code off}). */
    @WithDefault("6h")
    String cleanupInterval();

    /** Rows one delete transaction takes. */
    @WithDefault("5000")
    int cleanupBatchSize();
}
