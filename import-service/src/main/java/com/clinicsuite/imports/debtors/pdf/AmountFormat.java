package com.clinicsuite.imports.debtors.pdf;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways reports print money: {@code 1234.56}, {@code .97}, {@code 45.76-} (trailing minus), {@code -158.47},
 * {@code (158.47)}, {@code 1,234.56}, {@code 1 234.56} (the caller joins space-separated groups), with or without
 * an {@code R} (Rand) prefix ({@code R3 380.75}, {@code -R895.71}, {@code }, {@code R(50.00)}), and a lone
 * {@code -} ({@code R-}) for zero. Always two decimals otherwise: that is what tells an amount from an account
 * number or a name ending in a digit. The forms are tabled in AmountFormatTest.
 */
final class AmountFormat {

    private static final Pattern AMOUNT = Pattern.compile(
            "R?(?<lead>[-(])?R?\\s?(?<int>\\d{1,3}(?:[ ,]\\d{3})+|\\d+)?\\.(?<dec>\\d{2})(?<trail>[-)])?");

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private AmountFormat() {}

    /** {@code -}, {@code R-} or a dash of another width: what some writers print for a zero amount. */
    static boolean isDashZero(String text) {
        int start = text.charAt(0) == 'R' ? 1 : 0;
        if (text.length() != start + 1) {
            return false;
        }
        char c = text.charAt(start);
        return c == '-' || c == '\u2013' || c == '\u2014';
    }

    /** The amount printed as {@code text}, or null when it is not an amount. */
    static BigDecimal parse(String text) {
        if (text.isEmpty() || text.length() > 24) {
            return null;
        }
        if (isDashZero(text)) {
            return ZERO;
        }
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String lead = m.group("lead");
        String trail = m.group("trail");
        boolean parentheses = "(".equals(lead) || ")".equals(trail);
        if (parentheses && !("(".equals(lead) && ")".equals(trail))) {
            return null;
        }
        if ("-".equals(lead) && "-".equals(trail)) {
            return null;
        }
        String integer = m.group("int");
        if (integer == null) {
            integer = "";
        }
        // A mixed grouping (1,234 567.00) or a leading zero (0123.00) is not how any report prints money.
        if (integer.indexOf(',') >= 0 && integer.indexOf(' ') >= 0) {
            return null;
        }
        String digits = integer.replace(",", "").replace(" ", "");
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return null;
        }
        if (digits.length() > 13) {
            return null; // beyond NUMERIC(15,2)
        }
        BigDecimal value = new BigDecimal((digits.isEmpty() ? "0" : digits) + "." + m.group("dec"));
        return lead != null || trail != null ? value.negate() : value;
    }

    /** True for a token that can only continue a space-grouped amount: exactly three digits, maybe the decimals. */
    static boolean isGroupContinuation(String token) {
        return token.length() >= 3
                && Character.isDigit(token.charAt(0))
                && Character.isDigit(token.charAt(1))
                && Character.isDigit(token.charAt(2))
                && (token.length() == 3 || token.charAt(3) == '.');
    }
}
