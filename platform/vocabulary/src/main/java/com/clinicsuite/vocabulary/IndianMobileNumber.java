package com.clinicsuite.vocabulary;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Indian mobile number (a clinic client's phone): the one rule import-service applies to a spreadsheet's
 * {@code Phone No} and credit-balance-service to a record's phone before it computes the voucher from it.
 *
 * <p>The number is its 10 national digits, starting with 6, 7, 8 or 9 ({@link #nationalDigits()},
 * {@code 7985349490}). Every character but the digits is dropped, then a leading {@code 91} (12 digits) or
 * {@code 0} (11 digits) goes: {@code +91 79853 49490}, {@code 079853-49490}, {@code '7985349490'}. A number that went
 * through a spreadsheet as a number is read as that number: {@code 7985349490.0}, {@code 7.98534949E9}. Landlines
 * ({@code 011-45678901}), short numbers, {@code NA} and blanks are not mobile numbers: no SMS, no voucher.
 */
public final class IndianMobileNumber {

    private static final Pattern SPREADSHEET_NUMBER = Pattern.compile("[0-9.]+[eE][+]?[0-9]+|[0-9]+\\.0*");
    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");
    private static final Pattern MOBILE = Pattern.compile("[6-9][0-9]{9}");

    private final String digits;

    private IndianMobileNumber(String digits) {
        this.digits = digits;
    }

    /** The mobile number the text holds (see the class comment), or empty. */
    public static Optional<IndianMobileNumber> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (SPREADSHEET_NUMBER.matcher(trimmed).matches()) {
            try {
                BigDecimal number = new BigDecimal(trimmed);
                // a 12-digit number at most (91 + 10 digits); never expand a hostile 1E999999999
                if (number.precision() - number.scale() > 12) {
                    return Optional.empty();
                }
                trimmed = number.toBigIntegerExact().toString();
            } catch (ArithmeticException | NumberFormatException e) {
                return Optional.empty();
            }
        }
        String national = NOT_DIGIT.matcher(trimmed).replaceAll("");
        if (national.length() == 12 && national.startsWith("91")) {
            national = national.substring(2);
        } else if (national.length() == 11 && national.startsWith("0")) {
            national = national.substring(1);
        }
        return MOBILE.matcher(national).matches() ? Optional.of(new IndianMobileNumber(national)) : Optional.empty();
    }

    /** The 10 national digits of the mobile number the text holds ({@code 7985349490}), or null. */
    public static String nationalDigitsOf(String text) {
        return parse(text).map(IndianMobileNumber::nationalDigits).orElse(null);
    }

    /** {@code 7985349490}: the form stored and sent in events, and the digits a voucher number takes. */
    public String nationalDigits() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndianMobileNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Masked ({@code 79*****490}): a phone number is personal data and never goes to a log. */
    @Override
    public String toString() {
        return digits.substring(0, 2) + "*****" + digits.substring(7);
    }
}
