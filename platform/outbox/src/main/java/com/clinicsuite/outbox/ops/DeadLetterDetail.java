package com.clinicsuite.outbox.ops;

import java.util.Map;

/** One dead letter with the record's headers and payload, to see what failed before replaying it. */
public record DeadLetterDetail(DeadLetterSummary deadLetter, Map<String, String> headers, String payload) {}
