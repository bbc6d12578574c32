package com.clinicsuite.debtor.rest;

import java.util.List;

/** Body of send-email / send-sms. */
public record ReminderRequest(List<Long> debtorIds, List<String> ageingBuckets, Boolean force) {}
