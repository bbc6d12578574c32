package com.clinicsuite.debtor.service;

/** South African phone numbers as 10 national digits ({@code +27 82 123 4567} -> {@code 0821234567}). */
public final class PhoneNumbers {

    private PhoneNumbers() {}

    /** The 10 national digits, or null when the text holds no such number. */
    public static String nationalDigits(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("27")) {
            digits = "0" + digits.substring(2);
        } else if (digits.length() == 9 && !digits.startsWith("0")) {
            digits = "0" + digits;
        }
        return digits.length() == 10 && digits.startsWith("0") ? digits : null;
    }
}
