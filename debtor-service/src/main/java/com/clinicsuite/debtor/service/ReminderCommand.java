package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.AgeingBucket;
import java.util.List;

/**
 * Remind these debtors of what they owe in {@code buckets}; {@code force} ignores the cool-down;
 * {@code attachStatement} attaches each debtor's statement of account to the e-mail (e-mail only).
 */
public record ReminderCommand(
        List<Long> debtorIds, List<AgeingBucket> buckets, boolean force, boolean attachStatement) {

    /** Without a statement attached. */
    public ReminderCommand(List<Long> debtorIds, List<AgeingBucket> buckets, boolean force) {
        this(debtorIds, buckets, force, false);
    }
}
