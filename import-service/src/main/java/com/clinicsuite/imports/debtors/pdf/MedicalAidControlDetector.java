package com.clinicsuite.imports.debtors.pdf;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises medical-aid and other control accounts: the balances a pharmacy claims from a medical scheme or
 * keeps for levies, not money a patient owes. They are kept but flagged, so statistics and reminders leave them
 * out. Recognised by name ({@code MEDICAL AID CONTROL ACC}, {@code M/A BONITAS}, {@code GEMS - EMERALD}, a
 * scheme's name in its usual spellings) and by the dispensing system's control-account number range.
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
            "NETCARE MEDICAL");
    /** The dispensing system (DEB013) numbers its control accounts 9xxxxx. */
    public static final String DEFAULT_CONTROL_ACCOUNT_PATTERN = "9\\d{5}";

    private final List<String> names;
    private final Pattern controlAccountNumbers;

    public MedicalAidControlDetector(List<String> names, String controlAccountPattern) {
        this.names = names.stream()
                .map(MedicalAidControlDetector::normalise)
                .filter(n -> n.length() > 2)
                .toList();
        this.controlAccountNumbers = Pattern.compile(controlAccountPattern);
    }

    public static MedicalAidControlDetector withDefaults() {
        return new MedicalAidControlDetector(DEFAULT_NAMES, DEFAULT_CONTROL_ACCOUNT_PATTERN);
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
