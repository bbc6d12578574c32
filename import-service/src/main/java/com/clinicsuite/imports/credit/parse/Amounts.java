package com.clinicsuite.imports.credit.parse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Rupee amounts as exact 2-decimal numbers, from numeric cells ({@code 18730.77}) or text as the clinic writes it:
 * {@code ₹1,25,000.00} (Indian grouping), {@code Rs. 4,999}, {@code (1,500.00)} for a negative.
 */
public final class Amounts {

    private static final Pattern DECORATION = Pattern.compile("(?i)₹|rs\\.?|inr|[,\\s\\u00A0\\u202F]");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?|-?\\.\\d+");

    private Amounts() {}

    /**
     * @return the amount with scale 2 (a numeric cell's binary noise, {@code 0.1 + 0.2}, rounds half-up to paise)
     * @throws IllegalArgumentException with a message for the user when the text is not an amount
     */
    public static BigDecimal parse(String text) {
        String cleaned = isPlainNumber(text) ? text : DECORATION.matcher(text).replaceAll("");
        boolean negative = cleaned.startsWith("(") && cleaned.endsWith(")");
        if (negative) {
            cleaned = cleaned.substring(1, cleaned.length() - 1);
        }
        if (!NUMBER.matcher(cleaned).matches()) {
            throw new IllegalArgumentException("is not an amount");
        }
        BigDecimal amount = new BigDecimal(cleaned).setScale(2, RoundingMode.HALF_UP);
        return negative ? amount.negate() : amount;
    }

    /** Numeric cells arrive as plain numbers: skip the clean-up regex for them. */
    private static boolean isPlainNumber(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && !(c == '-' && i == 0)) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /**
     * A whole number of sessions ({@code 6}, {@code 6.0}).
     *
     * @throws IllegalArgumentException when the text is not a whole number
     */
    public static int parseCount(String text) {
        String cleaned = text.replace(",", "").strip();
        try {
            return new BigDecimal(cleaned).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("is not a whole number");
        }
    }
}
