package com.clinicsuite.imports.debtors.pdf;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises medical-aid and other control accounts: the balances a pharmacy claims from a medical scheme or
 * keeps for levies, not money a patient owes. They are kept but flagged, so statistics and reminders leave them
 * out. Recognised by the dispensing system's control-account number range, by name ({@code MEDICAL AID CONTROL
 * ACC}, {@code M/A BONITAS}, {@code GEMS - EMERALD}, a scheme's name in its usual spellings) and by name patterns
 * ({@code M/A <anything>}, {@code <SCHEME> - <option>}). Names and patterns are configurable
 * ({@code import.debtors.medical-aid.*}); docs/parser-design.md says how to extend them.
 */
public final class MedicalAidControlDetector {

    /** Words and phrases that mark a control account; matched as whole words, case-insensitively. */
    public static final List<String> DEFAULT_NAMES = List.of(
            "MEDICAL AID",
            "MEDAID",
            "MED AID",
            "M/A",
            "CONTROL ACC",
            "CONTROL ACCOUNT",
            "MEDICAL SCHEME",
            "MEDICAL FUND",
            "DISCOVERY",
            "GEMS",
            "BONITAS",
            "BONCAP",
            "MEDSHIELD",
            "MOMENTUM",
            "BESTMED",
            "FEDHEALTH",
            "POLMED",
            "KEYHEALTH",
            "PROFMED",
            "CAMAF",
            "SIZWE",
            "HOSMED",
            "TRANSMED",
            "BANKMED",
            "MEDIHELP",
            "MEDIMED",
            "SAMWUMED",
            "PLATINUM HEALTH",
            "LA HEALTH",
            "ANGLO MEDICAL",
            "GENESIS MEDICAL",
            "THEBEMED",
            "SPECTRAMED",
            "LIBCARE",
            "MAKOTI",
            "SASOLMED",
            "UMVUZO",
            "NETCARE MEDICAL",
            "SELFMED",
            "COMPCARE",
            "RESOLUTION HEALTH",
            "SUREMED",
            "HEALTH SQUARED",
            "WOOLTRU HEALTHCARE",
            "NEDGROUP MEDICAL",
            "OPMED",
            "FISHMED",
            "MEDIPOS",
            "PARMED",
            "ENGEN MED",
            "MALCOR",
            "IMPALA MEDICAL",
            "RAND WATER MEDICAL",
            "GLENCORE MEDICAL",
            "BARLOWORLD MEDICAL",
            "TSOGO SUN MEDICAL",
            "SABC MEDICAL",
            "DE BEERS BENEFIT");
    /**
     * Regular expressions a whole name may match (case-insensitive, blanks single-spaced, found anywhere unless
     * anchored); {@code {scheme}} stands for any of the names. {@code M/A <anything>}: a scheme this list does not
     * know yet; {@code <SCHEME> - <option>}: {@code DISCOVERY - CLASSIC SAVER}, {@code GEMS - EMERALD VALUE}.
     */
    public static final List<String> DEFAULT_NAME_PATTERNS = List.of("^M/A\\s*\\S", "^(?:{scheme})\\s+-\\s+\\S");
    /** The dispensing system (DEB013) numbers its control accounts 9xxxxx. */
    public static final String DEFAULT_CONTROL_ACCOUNT_PATTERN = "9\\d{5}";

    private final List<String> names;
    private final Pattern controlAccountNumbers;
    private final List<Pattern> namePatterns;

    public MedicalAidControlDetector(List<String> names, String controlAccountPattern) {
        this(names, controlAccountPattern, DEFAULT_NAME_PATTERNS);
    }

    public MedicalAidControlDetector(List<String> names, String controlAccountPattern, List<String> namePatterns) {
        this.names = names.stream()
                .map(MedicalAidControlDetector::normalise)
                .filter(n -> n.length() > 2)
                .toList();
        this.controlAccountNumbers = Pattern.compile(controlAccountPattern);
        String schemes = String.join(
                "|",
                names.stream()
                        .map(String::strip)
                        .filter(n -> !n.isEmpty())
                        .map(Pattern::quote)
                        .toList());
        this.namePatterns = namePatterns.stream()
                .map(p -> Pattern.compile(
                        p.replace("{scheme}", schemes.isEmpty() ? "(?!)" : schemes),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
    }

    public static MedicalAidControlDetector withDefaults() {
        return new MedicalAidControlDetector(DEFAULT_NAMES, DEFAULT_CONTROL_ACCOUNT_PATTERN, DEFAULT_NAME_PATTERNS);
    }

    public boolean isControlAccount(String accNo, String name) {
        if (controlAccountNumbers.matcher(accNo).matches()) {
            return true;
        }
        String normalised = normalise(name);
        for (String marker : names) {
            if (normalised.contains(marker)) {
                return true;
            }
        }
        if (!namePatterns.isEmpty()) {
            String spaced = name.strip().replaceAll("\\s+", " ");
            for (Pattern pattern : namePatterns) {
                if (pattern.matcher(spaced).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Upper case, punctuation other than '/' as blanks, single-spaced and padded, for whole-word matching. */
    private static String normalise(String text) {
        String upper = text.toUpperCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}/]+", " ")
                .strip();
        return " " + upper + " ";
    }
}
