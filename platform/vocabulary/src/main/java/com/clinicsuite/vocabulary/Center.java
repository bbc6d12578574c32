package com.clinicsuite.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The clinic's four centers. {@link #canonicalName()} is the only spelling stored, put into tokens ({@code center}
 * claim) and sent in events; {@link #parse} reads every spelling staff and spreadsheets use. {@link #voucherPrefix()}
 * starts the center's voucher numbers.
 *
 * <p>What {@link #parse} accepts, and why (the table in {@code CenterTest} lists every spelling):
 *
 * <ul>
 *   <li>Case, spaces, dots, dashes and other punctuation do not count, nor does a note in parentheses: {@code GK-2},
 *       {@code G.K.-II}, {@code gk 2}, {@code Preet Vihar (East Delhi)}.
 *   <li>Each center's full name and short forms: {@code Greater Kailash 2} / {@code II} / {@code Part 2},
 *       {@code GK}, {@code Greater Kailash} (the clinic has no other center there); {@code PB}; {@code PV};
 *       {@code PTP}, {@code PT}, {@code Pitam Pura}.
 *   <li>A compass direction after the full name of Punjabi Bagh, Preet Vihar or Pitampura ({@code Punjabi Bagh West}):
 *       the locality's parts are served by the one center.
 *   <li>Nothing else is guessed: {@code GK1}, {@code Greater Kailash 1}, {@code Punjabi Bagh Extension} or an unknown
 *       place are refused, so a row or user never lands in a center by a loose match.
 * </ul>
 */
public enum Center {
    GK2(
            "GK2",
            "GK",
            null,
            "gk2",
            "gkii",
            "gk",
            "gkpart2",
            "gkpartii",
            "greaterkailash",
            "greaterkailash2",
            "greaterkailashii",
            "greaterkailashpart2",
            "greaterkailashpartii"),
    PUNJABI_BAGH("Punjabi Bagh", "PB", "punjabibagh", "pb"),
    PREET_VIHAR("Preet Vihar", "PV", "preetvihar", "pv"),
    PITAMPURA("Pitampura", "PT", "pitampura", "ptp", "pt");

    private static final Pattern NOTE = Pattern.compile("\\([^)]*\\)");
    private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9]");
    private static final List<String> DIRECTIONS = List.of("north", "south", "east", "west");
    private static final Map<String, Center> BY_KEY = Arrays.stream(values())
            .flatMap(center -> Stream.concat(
                    center.aliases.stream().map(alias -> Map.entry(alias, center)),
                    center.locality == null
                            ? Stream.empty()
                            : DIRECTIONS.stream().map(d -> Map.entry(center.locality + d, center))))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String canonicalName;
    private final String voucherPrefix;
    /** The full place name as a key, which a compass direction may follow; null where none may. */
    private final String locality;
    /** Every accepted spelling, as a key: lower-case letters and digits only. */
    private final List<String> aliases;

    Center(String canonicalName, String voucherPrefix, String locality, String... otherAliases) {
        this.canonicalName = canonicalName;
        this.voucherPrefix = voucherPrefix;
        this.locality = locality;
        this.aliases = locality == null
                ? List.of(otherAliases)
                : Stream.concat(Stream.of(locality), Stream.of(otherAliases)).toList();
    }

    /** The spelling stored in every database and sent in tokens and events: {@code GK2}, {@code Punjabi Bagh} ... */
    public String canonicalName() {
        return canonicalName;
    }

    /** The first letters of the center's voucher numbers: {@code GK}, {@code PB}, {@code PV}, {@code PT}. */
    public String voucherPrefix() {
        return voucherPrefix;
    }

    /** The center any usual spelling names (see the class comment); empty for null, blank or unknown text. */
    public static Optional<Center> parse(String spelling) {
        if (spelling == null) {
            return Optional.empty();
        }
        String withoutNotes = NOTE.matcher(spelling.toLowerCase(Locale.ROOT)).replaceAll("");
        return Optional.ofNullable(BY_KEY.get(NOT_KEY.matcher(withoutNotes).replaceAll("")));
    }

    /** {@code GK2, Punjabi Bagh, Preet Vihar, Pitampura}: for messages that list what is accepted. */
    public static String knownNames() {
        return Arrays.stream(values()).map(Center::canonicalName).collect(Collectors.joining(", "));
    }
}
