package com.clinicsuite.notification.service;

import java.util.Optional;

/** South African numbers: the 10 national digits ({@code 0821234567}) and SMSPortal's form ({@code 27821234567}). */
public final class PhoneNumbers {

    private PhoneNumbers() {}

    /** {@code 082 123 4567}, {@code +27 82 123 4567}, {@code 27821234567} -> {@code 0821234567}; empty if not a number. */
    public static Optional<String> nationalDigits(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s()\\-.]", "");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (!digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        if (digits.length() == 11 && digits.startsWith("27")) {
            digits = "0" + digits.substring(2);
        }
        return digits.length() == 10 && digits.startsWith("0") ? Optional.of(digits) : Optional.empty();
    }

    /** The international digits SMSPortal expects as destination. */
    public static String international(String nationalDigits) {
        return "27" + nationalDigits.substring(1);
    }
}
