package com.clinicsuite.notification.client;

import com.clinicsuite.documents.DocumentLanguage;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The languages reminders are written in. How each writes Rand amounts ({@code R 1 234.56} in English,
 * {@code R 1 234,56} in Afrikaans) and names the ageing buckets is platform-documents' {@link DocumentLanguage}:
 * the attached statement of account prints the same amounts and words as the message.
 */
public enum ReminderLanguage {
    EN("en"),
    AF("af");

    private final String code;
    private final DocumentLanguage document;

    ReminderLanguage(String code) {
        this.code = code;
        this.document = DocumentLanguage.of(code);
    }

    /** The value in the API, events and the database. */
    public String code() {
        return code;
    }

    public String rand(BigDecimal amount) {
        return document.rand(amount);
    }

    /** {@code current} or {@code d<n>} as the age analysis prints it ({@code 30 days}, {@code 30 dae}). */
    public String bucketLabel(String key) {
        if (key.equals("current")) {
            return document.current;
        }
        return key.matches("d\\d+") ? document.days(Integer.parseInt(key.substring(1))) : key;
    }

    public static Optional<ReminderLanguage> fromCode(String code) {
        return code == null
                ? Optional.empty()
                : Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
