package com.clinicsuite.outbox.ops;

/** How many dead letters were sent back to their topics. */
public record ReplayOutcome(int replayed) {}
