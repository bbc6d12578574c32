package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.AgeingBucket;
import java.util.List;

/** Remind these debtors of what they owe in {@code buckets}; {@code force} ignores the cool-down. */
public record ReminderCommand(List<Long> debtorIds, List<AgeingBucket> buckets, boolean force) {}
