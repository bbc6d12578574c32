package com.clinicsuite.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a reminder's delivery is: {@link #QUEUED} → {@link #SENT} → {@link #DELIVERED}, or {@link #FAILED}. These four
 * travel in {@code notifications.delivery-status-changed.v1} and are debtor-service's communication history;
 * {@link #SENDING} is notification-service's own.
 */
public enum DeliveryStatus implements Coded {
    QUEUED("queued"),
    /** notification-service only: claimed by a sender, never sent again automatically; never published. */
    SENDING("sending"),
    SENT("sent"),
    DELIVERED("delivered"),
    FAILED("failed");

    private final String code;

    DeliveryStatus(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static DeliveryStatus fromCode(String code) {
        return Coded.fromCode(DeliveryStatus.class, code);
    }
}
