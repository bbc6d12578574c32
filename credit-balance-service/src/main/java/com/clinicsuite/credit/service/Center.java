package com.clinicsuite.credit.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The clinic's centers, recognised in the spellings staff and spreadsheets use (GK-2, G.K.-II, PB, Pitam Pura ...). */
public enum Center {
    GK2("GK2", "greaterkailash", "gk2", "gkii", "gk"),
    PUNJABI_BAGH("Punjabi Bagh", "punjabibagh", "pb"),
    PREET_VIHAR("Preet Vihar", "preetvihar", "pv"),
    PITAMPURA("Pitampura", "pitampura", "ptp", "pt");

    private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9]");
    private static final Map<String, Center> BY_KEY = Arrays.stream(values())
            .flatMap(c -> Arrays.stream(c.keys).map(k -> Map.entry(k, c)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String displayName;
    /** The first key is the full name, which may be followed by a locality ("Punjabi Bagh West"). */
    private final String[] keys;

    Center(String displayName, String... keys) {
        this.displayName = displayName;
        this.keys = keys;
    }

    /** The canonical spelling stored in the database and sent in tokens and events. */
    public String displayName() {
        return displayName;
    }

    /** Any usual spelling: case, spaces, dots and dashes are ignored ({@code G.K.-II} is {@code gkii}). */
    public static Optional<Center> parse(String spelling) {
        if (spelling == null) {
            return Optional.empty();
        }
        String key = NOT_KEY.matcher(spelling.toLowerCase(Locale.ROOT)).replaceAll("");
        Center exact = BY_KEY.get(key);
        if (exact != null || key.isEmpty()) {
            return Optional.ofNullable(exact);
        }
        return Arrays.stream(values()).filter(c -> key.startsWith(c.keys[0])).findFirst();
    }

    public static String knownNames() {
        return Arrays.stream(values()).map(Center::displayName).collect(Collectors.joining(", "));
    }
}
