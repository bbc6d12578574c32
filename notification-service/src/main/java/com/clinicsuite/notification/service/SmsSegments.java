package com.clinicsuite.notification.service;

/**
 * How many parts an SMS is billed as: GSM-7 fits 160 characters in one part and 153 per part when concatenated
 * (extension characters such as {@code €[]{}} count twice); anything outside GSM-7 sends as UCS-2, 70 and 67.
 */
public final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    public record Count(String encoding, int characters, int parts) {}

    private SmsSegments() {}

    public static Count count(String text) {
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                gsm = false;
            }
        }
        if (gsm) {
            return new Count("GSM-7", septets, parts(septets, 160, 153));
        }
        int units = text.length(); // UTF-16 code units: what UCS-2 (in practice UTF-16) carries
        return new Count("UCS-2", units, parts(units, 70, 67));
    }

    private static int parts(int length, int single, int perPart) {
        if (length == 0) {
            return 0;
        }
        return length <= single ? 1 : (length + perPart - 1) / perPart;
    }
}
