package com.clinicsuite.notification.repository;

import java.util.Set;

/** The values of {@code delivery.status}; the first four are also the statuses of DeliveryStatusChanged. */
public final class DeliveryStatus {
    public static final String QUEUED = "queued";
    /** Claimed by a sender; never sent again automatically (see DeliveryDispatcher). Internal only. */
    public static final String SENDING = "sending";

    public static final String SENT = "sent";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    /** States a provider's status report may still move on. */
    public static final Set<String> AWAITING_REPORT = Set.of(SENDING, SENT);

    private DeliveryStatus() {}
}
