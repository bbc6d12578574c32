package com.clinicsuite.credit.service;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The voucher number rule of the contract, and the phone normalisation it depends on, in one place:
 * center prefix (GK2 {@code GK}, Preet Vihar {@code PV}, Punjabi Bagh {@code PB}, Pitampura {@code PT})
 * + the first 3 characters of the client code, upper-cased
 * + the digits at 0-based positions 3 to 6 of the phone's 10 national digits.
 * Punjabi Bagh, {@code AD03C4403}, {@code 7985349490} gives {@code PBAD05349}; no valid phone, no voucher.
 */
public final class VoucherRule {

    private static final Pattern SPREADSHEET_NUMBER = Pattern.compile("[0-9.]+[eE][+]?[0-9]+|[0-9]+\\.0*");
    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");
    private static final Pattern MOBILE = Pattern.compile("[6-9][0-9]{9}");

    private VoucherRule() {}

    /**
     * The 10 national digits of an Indian mobile number, however it was written: a spreadsheet number
     * ({@code 7985349490.0}, {@code 7.98534949E9}), {@code +91 79853 49490}, {@code 079853-49490}.
     * Empty for blanks, landlines and anything else that is not 10 digits starting with 6-9.
     */
    public static Optional<String> nationalMobile(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.trim();
        if (SPREADSHEET_NUMBER.matcher(text).matches()) {
            // a phone that went through a spreadsheet as a number
            try {
                text = new BigDecimal(text).toBigIntegerExact().toString();
            } catch (ArithmeticException | NumberFormatException e) {
                return Optional.empty();
            }
        }
        String digits = NOT_DIGIT.matcher(text).replaceAll("");
        if (digits.length() == 12 && digits.startsWith("91")) {
            digits = digits.substring(2);
        } else if (digits.length() == 11 && digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** The voucher number, or null when the phone is not a valid mobile number or the code is blank. */
    public static String voucherNumber(Center center, String clientCode, String phone) {
        Optional<String> mobile = nationalMobile(phone);
        if (center == null || clientCode == null || clientCode.isBlank() || mobile.isEmpty()) {
            return null;
        }
        String code = clientCode.trim().toUpperCase(Locale.ROOT);
        return prefix(center)
                + code.substring(0, Math.min(3, code.length()))
                + mobile.get().substring(3, 7);
    }

    /**
     * A voucher number as typed, in the form vouchers are stored: compatibility-normalised (NFKC: full-width
     * {@code ＰＢＡＤ０５３４９} becomes {@code PBAD05349}), without control, format (zero-width) and surrogate
     * characters, trimmed, upper-cased with {@link Locale#ROOT} (which may lengthen it: {@code ß} becomes
     * {@code SS}). Used by the search and by the API log, so both see the same voucher.
     */
    public static String searchForm(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(typed.length());
        Normalizer.normalize(typed, Normalizer.Form.NFKC).codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE) {
                kept.appendCodePoint(c);
            }
        });
        return kept.toString().trim().toUpperCase(Locale.ROOT);
    }

    private static String prefix(Center center) {
        return switch (center) {
            case GK2 -> "GK";
            case PREET_VIHAR -> "PV";
            case PUNJABI_BAGH -> "PB";
            case PITAMPURA -> "PT";
        };
    }
}
