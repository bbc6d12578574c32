package com.clinicsuite.auth.service;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The four clinic centers, known by their canonical name and the spellings people actually type. */
public enum Center {
    GK2("GK2", "gk2", "greaterkailash2", "greaterkailashii", "gkii"),
    PUNJABI_BAGH("Punjabi Bagh", "punjabibagh", "pb"),
    PREET_VIHAR("Preet Vihar", "preetvihar", "pv"),
    PITAMPURA("Pitampura", "pitampura", "pt");

    private final String canonicalName;
    private final List<String> spellings;

    Center(String canonicalName, String... spellings) {
        this.canonicalName = canonicalName;
        this.spellings = List.of(spellings);
    }

    public String canonicalName() {
        return canonicalName;
    }

    /** {@code GK2}, {@code gk-2}, {@code Greater Kailash 2} ... all name GK2: case, spaces and dashes don't count. */
    public static Optional<Center> fromAnySpelling(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return Arrays.stream(values()).filter(c -> c.spellings.contains(key)).findFirst();
    }
}
