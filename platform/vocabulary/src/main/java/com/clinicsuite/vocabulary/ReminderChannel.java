package com.clinicsuite.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a reminder reaches a debtor, and which messages an opt-out stops. */
public enum ReminderChannel implements Coded {
    EMAIL("email", "e-mail"),
    SMS("sms", "SMS");

    private final String code;
    private final String label;

    ReminderChannel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    /** The channel's name in a sentence: {@code e-mail}, {@code SMS}. */
    public String label() {
        return label;
    }

    @JsonCreator
    public static ReminderChannel fromCode(String code) {
        return Coded.fromCode(ReminderChannel.class, code);
    }
}
