package com.clinicsuite.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rand amounts as South Africans read them: {@code R 1 234.56}, negatives {@code -R 1 234.56}; in Afrikaans with a
 * decimal comma, {@code R 1 234,56}. Text in a language (statements, reminders) takes its separator from
 * {@link DocumentLanguage#rand}; {@link #format(BigDecimal)} is for English-only lists.
 */
public final class RandFormat {

    private RandFormat() {}

    public static String format(BigDecimal amount) {
        return format(amount, '.');
    }

    public static String format(BigDecimal amount, char decimalSeparator) {
        if (amount == null) {
            return "R 0" + decimalSeparator + "00";
        }
        BigDecimal scaled = amount.setScale(2, RoundingMode.HALF_UP);
        String digits = scaled.abs().toPlainString();
        int dot = digits.indexOf('.');
        String whole = digits.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(whole.charAt(i));
        }
        return (scaled.signum() < 0 ? "-" : "") + "R " + grouped + decimalSeparator + digits.substring(dot + 1);
    }
}
