package com.clinicsuite.credit.service;

import com.clinicsuite.vocabulary.Center;
import com.clinicsuite.vocabulary.IndianMobileNumber;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The voucher number rule of the contract: the center's voucher prefix (GK2 {@code GK}, Preet Vihar {@code PV},
 * Punjabi Bagh {@code PB}, Pitampura {@code PT}) + the first 3 characters of the client code, upper-cased + the
 * digits at 0-based positions 3 to 6 of the phone's 10 national digits ({@link IndianMobileNumber}).
 * Punjabi Bagh, {@code AD03C4403}, {@code 7985349490} gives {@code PBAD05349}; no valid phone, no voucher.
 */
public final class VoucherRule {

    private VoucherRule() {}

    /** The voucher number, or null when the phone is not a valid mobile number or the code is blank. */
    public static String voucherNumber(Center center, String clientCode, String phone) {
        Optional<IndianMobileNumber> mobile = IndianMobileNumber.parse(phone);
        if (center == null || clientCode == null || clientCode.isBlank() || mobile.isEmpty()) {
            return null;
        }
        String code = clientCode.trim().toUpperCase(Locale.ROOT);
        return center.voucherPrefix()
                + code.substring(0, Math.min(3, code.length()))
                + mobile.get().nationalDigits().substring(3, 7);
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
}
