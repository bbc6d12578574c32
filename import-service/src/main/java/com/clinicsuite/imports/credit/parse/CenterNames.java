package com.clinicsuite.imports.credit.parse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The four canonical centers from the spellings found in the clinic's sheets: {@code GK-2}, {@code G.K.-II},
 * {@code Greater Kailash 2}, {@code PB}, {@code Punjabi Bagh West}, {@code PV}, {@code Preet Vihar (East Delhi)},
 * {@code PTP}, {@code Pitam Pura} ... Names are compared by letters and digits only, without parenthesised notes.
 */
public final class CenterNames {

    public static final String GK2 = "GK2";
    public static final String PUNJABI_BAGH = "Punjabi Bagh";
    public static final String PREET_VIHAR = "Preet Vihar";
    public static final String PITAMPURA = "Pitampura";
    public static final List<String> CANONICAL = List.of(GK2, PUNJABI_BAGH, PREET_VIHAR, PITAMPURA);

    private static final Map<String, String> EXACT = Map.ofEntries(
            Map.entry("gk2", GK2),
            Map.entry("gkii", GK2),
            Map.entry("gk", GK2),
            Map.entry("greaterkailash", GK2),
            Map.entry("greaterkailash2", GK2),
            Map.entry("greaterkailashii", GK2),
            Map.entry("gkpart2", GK2),
            Map.entry("gkpartii", GK2),
            Map.entry("greaterkailashpart2", GK2),
            Map.entry("greaterkailashpartii", GK2),
            Map.entry("pb", PUNJABI_BAGH),
            Map.entry("pv", PREET_VIHAR),
            Map.entry("ptp", PITAMPURA),
            Map.entry("pt", PITAMPURA));
    /** Longer names may carry a suffix ({@code Punjabi Bagh West}); the stem decides. */
    private static final Map<String, String> STEMS =
            Map.of("punjabibagh", PUNJABI_BAGH, "preetvihar", PREET_VIHAR, "pitampura", PITAMPURA);

    private CenterNames() {}

    public static Optional<String> canonical(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)", "").replaceAll("[^a-z0-9]", "");
        String exact = EXACT.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        return STEMS.entrySet().stream()
                .filter(stem -> key.startsWith(stem.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
