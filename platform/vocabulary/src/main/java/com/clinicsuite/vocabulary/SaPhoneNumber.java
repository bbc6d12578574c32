package com.clinicsuite.vocabulary;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A South African phone number (a debtor's cell or landline). Every service that stores, compares or dials one
 * goes through {@link #parse}, so the digits debtor-service keeps for a debtor, the opt-out notification-service
 * records and the number it hands SMSPortal always agree.
 *
 * <p>The number is its 9-digit national significant number (NSN, ITU-T E.164: never starting with 0), shown as
 * {@link #nationalDigits()} ({@code 0821234567}, the trunk prefix 0 + NSN, the form stored and sent in events) or
 * {@link #internationalDigits()} ({@code 27821234567}, country code + NSN: E.164 without the {@code +}, what
 * SMSPortal expects).
 *
 * <p>Accepted, after dropping spaces, {@code - . / ( )} and a leading {@code +}, which must be followed by
 * {@code 27} (anything else, a letter or a second {@code +}, refuses the text):
 *
 * <ul>
 *   <li>{@code 0} + NSN: {@code 082 123 4567}, {@code 011-462-1100};
 *   <li>{@code 27} + NSN: {@code +27 82 123 4567}, {@code 27821234567};
 *   <li>{@code 27 0} + NSN: {@code +27 (0)82 123 4567}, the letterhead style;
 *   <li>{@code 00 27} + NSN: dialled from abroad;
 *   <li>the NSN alone, 9 digits not starting with 0 ({@code 821234567}): the number with its leading 0 lost, which
 *       happens when a spreadsheet or a report writer stored it as a number. Decision: this is read as {@code 0} +
 *       those 9 digits. It cannot be a 10-digit number that lost another digit: dropping any digit but the leading
 *       0 of {@code 0xxxxxxxxx} leaves a text that still starts with 0, which is refused as too short.
 * </ul>
 *
 * Refused: a NSN starting with 0 ({@code 00 ...} is no national number), any other length, an empty text.
 * {@link #toString()} masks the digits, so a number never reaches a log by accident.
 */
public final class SaPhoneNumber {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\h\\-./()]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern NSN = Pattern.compile("[1-9][0-9]{8}");

    private final String nsn;

    private SaPhoneNumber(String nsn) {
        this.nsn = nsn;
    }

    /** The number the text holds (see the class comment), or empty. */
    public static Optional<SaPhoneNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(text).replaceAll("");
        boolean international = digits.startsWith("+");
        if (international) {
            digits = digits.substring(1);
        }
        if (!DIGITS.matcher(digits).matches() || (international && !digits.startsWith("27"))) {
            return Optional.empty();
        }
        String nsn = nationalSignificantNumber(digits);
        return nsn != null && NSN.matcher(nsn).matches() ? Optional.of(new SaPhoneNumber(nsn)) : Optional.empty();
    }

    /** The 10 national digits of the number the text holds ({@code 0821234567}), or null: the stored form. */
    public static String nationalDigitsOf(String text) {
        return parse(text).map(SaPhoneNumber::nationalDigits).orElse(null);
    }

    private static String nationalSignificantNumber(String digits) {
        return switch (digits.length()) {
            case 9 -> digits;
            case 10 -> digits.startsWith("0") ? digits.substring(1) : null;
            case 11 -> digits.startsWith("27") ? digits.substring(2) : null;
            case 12 -> digits.startsWith("270") ? digits.substring(3) : null;
            case 13 -> digits.startsWith("0027") ? digits.substring(4) : null;
            default -> null;
        };
    }

    /** {@code 0821234567}: stored by every service, compared for opt-outs, sent in events as {@code phone_digits}. */
    public String nationalDigits() {
        return "0" + nsn;
    }

    /** {@code 27821234567}: the E.164 number without its {@code +}, as SMSPortal takes and reports destinations. */
    public String internationalDigits() {
        return "27" + nsn;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SaPhoneNumber that && nsn.equals(that.nsn);
    }

    @Override
    public int hashCode() {
        return nsn.hashCode();
    }

    /** Masked ({@code 082*****67}): a phone number is personal data and never goes to a log. */
    @Override
    public String toString() {
        return "0" + nsn.substring(0, 2) + "*****" + nsn.substring(7);
    }
}
