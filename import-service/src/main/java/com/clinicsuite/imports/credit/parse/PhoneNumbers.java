package com.clinicsuite.imports.credit.parse;

/**
 * Indian mobile numbers as their 10 national digits: {@code +91 79853 49490}, {@code 079853-49490} and the numeric
 * cell {@code 7985349490} all become {@code 7985349490}. Landlines, short or foreign numbers are not mobile numbers
 * (no SMS, no voucher) and normalise to {@code null}.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {}

    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        String d = digits.toString();
        if (d.length() == 12 && d.startsWith("91")) {
            d = d.substring(2);
        } else if (d.length() == 11 && d.startsWith("0")) {
            d = d.substring(1);
        }
        return d.length() == 10 && d.charAt(0) >= '6' ? d : null;
    }
}
