package com.clinicsuite.imports.debtors.mailbox;

import com.clinicsuite.imports.debtors.config.MailboxConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips the mailbox poll unless {@code import.mailbox.enabled=true}. */
@Singleton
public class MailboxDisabled implements Scheduled.SkipPredicate {

    private final MailboxConfig config;

    public MailboxDisabled(MailboxConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.enabled();
    }
}
