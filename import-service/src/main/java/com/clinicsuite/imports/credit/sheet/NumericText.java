package com.clinicsuite.imports.credit.sheet;

import java.math.BigDecimal;

/** Writes a numeric cell as the plain decimal text a user would type: {@code 7985349490}, {@code 45000}, {@code 18730.77}. */
final class NumericText {

    /**
     * Digits a plain number may have on either side of the point. A double has 17 significant digits and an exponent
     * up to 308; a stored {@code 1E999999999} written out would be a billion characters, so it is kept as stored.
     */
    private static final int MAX_PLAIN_DIGITS = 400;

    private NumericText() {}

    /** From the text Excel stores in the file ({@code 7985349490}, {@code 1.2E3}); returns it unchanged if not a number. */
    static String fromStored(String stored) {
        if (isPlain(stored)) {
            return stored; // the common case (75000, 18730.77), without allocating
        }
        try {
            BigDecimal number = new BigDecimal(stored.trim());
            long integerDigits = (long) number.precision() - number.scale();
            if (integerDigits > MAX_PLAIN_DIGITS || number.scale() > MAX_PLAIN_DIGITS) {
                return stored;
            }
            return plain(number);
        } catch (NumberFormatException e) {
            return stored;
        }
    }

    /** From a double read by HSSF; {@link BigDecimal#valueOf(double)} keeps the shortest decimal that round-trips. */
    static String fromDouble(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return plain(BigDecimal.valueOf(value));
    }

    /** Digits with at most one point, no exponent, and no trailing zero after the point. */
    private static boolean isPlain(String text) {
        int length = text.length();
        if (length == 0 || length > 18) {
            return false;
        }
        boolean point = false;
        for (int i = text.charAt(0) == '-' ? 1 : 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (point) {
                    return false;
                }
                point = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        char last = text.charAt(length - 1);
        return last != '.' && !(point && last == '0');
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }
}
