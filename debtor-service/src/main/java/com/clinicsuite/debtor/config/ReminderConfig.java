package com.clinicsuite.debtor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Reminder rules ({@code debtor.reminders.*}). */
@ConfigMapping(prefix = "debtor.reminders")
public interface ReminderConfig {

    /** An account is not reminded again on the same channel within this period unless the request forces it. */
    @WithDefault("PT24H")
    Duration coolDown();

    /** Most debtors one request may name. */
    @WithDefault("1000")
    int maxDebtorsPerRequest();
}
