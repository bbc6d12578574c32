package com.clinicsuite.outbox.ops;

/** How many parked outbox rows were put back in line. */
public record RequeueOutcome(int requeued) {}
