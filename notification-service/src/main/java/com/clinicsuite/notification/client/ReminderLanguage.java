package com.clinicsuite.notification.client;

import com.clinicsuite.documents.RandFormat;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The languages reminders are written in, with how each writes Rand amounts and ageing bucket labels: South African
 * English {@code R 1 234.56}, Afrikaans {@code R 1 234,56} (space thousands separator in both).
 */
public enum ReminderLanguage {
    EN("en", '.', "Current", "days"),
    AF("af", ',', "Huidig", "dae");

    private final String code;
    private final char decimalSeparator;
    private final String currentLabel;
    private final String daysLabel;

    ReminderLanguage(String code, char decimalSeparator, String currentLabel, String daysLabel) {
        this.code = code;
        this.decimalSeparator = decimalSeparator;
        this.currentLabel = currentLabel;
        this.daysLabel = daysLabel;
    }

    /** The value in the API, events and the database. */
    public String code() {
        return code;
    }

    public String rand(BigDecimal amount) {
        return RandFormat.format(amount, decimalSeparator);
    }

    /** {@code current} or {@code d<n>} as the age analysis prints it ({@code 30 days}, {@code 30 dae}). */
    public String bucketLabel(String key) {
        if (key.equals("current")) {
            return currentLabel;
        }
        return key.matches("d\\d+") ? key.substring(1) + " " + daysLabel : key;
    }

    public static Optional<ReminderLanguage> fromCode(String code) {
        return code == null
                ? Optional.empty()
                : Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
