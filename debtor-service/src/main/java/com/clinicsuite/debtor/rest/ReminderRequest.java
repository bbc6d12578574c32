package com.clinicsuite.debtor.rest;

import java.util.List;

/** Body of send-email / send-sms; {@code attach_statement} (e-mail only) attaches each debtor's statement. */
public record ReminderRequest(
        List<Long> debtorIds, List<String> ageingBuckets, Boolean force, Boolean attachStatement) {}
