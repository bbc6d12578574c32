package com.clinicsuite.debtor.repository;

import java.util.Arrays;
import java.util.Optional;

/** The languages reminders and statements are written in. */
public enum Language {
    EN("en"),
    AF("af");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The value in JSON, events and the database. */
    public String code() {
        return code;
    }

    public static Optional<Language> fromCode(String code) {
        return code == null
                ? Optional.empty()
                : Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
