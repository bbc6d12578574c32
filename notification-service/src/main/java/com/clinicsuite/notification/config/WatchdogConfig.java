package com.clinicsuite.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The sending watchdog ({@code notification.watchdog.*}, issue 18.2: no state without an end). */
@ConfigMapping(prefix = "notification.watchdog")
public interface WatchdogConfig {

    /**
     * How long a delivery may stay {@code sending} after it was claimed, even while its sender is alive and renews the
     * lease (a provider call that never returns), before the watchdog ends it as failed (timed out). A batch of 100 at
     * the per-pharmacy pace of 20/s takes 5 s; a message's retries (4, backoff to 30 s, Retry-After capped at 60 s)
     * about 5 minutes at worst: 15 minutes, as the old lease-less rule ({@code dispatch.sending-timeout}).
     */
    @WithDefault("PT15M")
    Duration sendingTimeout();

    /** How often the watchdog looks (on one replica at a time); also in the {@code @Scheduled} expression. */
    @WithDefault("1m")
    String interval();

    /** Deliveries ended per run at most (the rest the next run). */
    @WithDefault("500")
    int batchSize();
}
