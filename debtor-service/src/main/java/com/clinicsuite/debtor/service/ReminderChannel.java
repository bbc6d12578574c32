package com.clinicsuite.debtor.service;

import java.util.Arrays;
import java.util.Optional;

/** How a reminder reaches a debtor; {@link #key()} is the value in events and the history. */
public enum ReminderChannel {
    EMAIL("email", "e-mail"),
    SMS("sms", "SMS");

    private final String key;
    private final String label;

    ReminderChannel(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<ReminderChannel> fromKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key.trim())).findFirst();
    }
}
