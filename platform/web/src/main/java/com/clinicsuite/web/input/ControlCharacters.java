package com.clinicsuite.web.input;

import java.util.OptionalInt;

/**
 * Which characters the HTTP edge refuses. A NUL or another control character in a name or a voucher is never
 * something a user meant; passed on, it breaks what comes after (a database column, a log line, a CSV cell, a
 * PostgreSQL text value, which cannot hold NUL at all). Lone surrogates are not characters at all: they cannot be
 * encoded as UTF-8 and fail wherever the text is stored or sent.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /**
     * In free text (JSON strings, form fields): the C0 controls except TAB, LF and CR (which multi-line text
     * legitimately holds), DEL and lone surrogates. Returns the index of the first one.
     */
    public static OptionalInt firstInText(String text) {
        return first(text, false);
    }

    /**
     * In a query or path parameter or a file name, which are single-line by nature: every control character (C0
     * including TAB, LF and CR, DEL, C1) and lone surrogates. Returns the index of the first one.
     */
    public static OptionalInt firstInName(String name) {
        return first(name, true);
    }

    /** How a refused character is named in a message: its code point, never the character itself. */
    public static String describe(String text, int index) {
        return String.format("U+%04X", (int) text.charAt(index));
    }

    /** What the answer says about a value whose character at {@code index} is refused. */
    public static String problem(String value, int index) {
        return "contains a control character or an invalid character (" + describe(value, index) + " at position "
                + (index + 1) + "); remove it and send again";
    }

    /**
     * {@code text} with every control character and lone surrogate replaced by U+FFFD: for naming a field or
     * parameter whose name itself holds one, without repeating it.
     */
    public static String printable(String text) {
        if (firstInName(text).isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .map(c -> Character.isISOControl(c) || (c <= 0xFFFF && Character.isSurrogate((char) c)) ? 0xFFFD : c)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static OptionalInt first(String text, boolean strict) {
        if (text == null) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a pair: one supplementary character
                    continue;
                }
                return OptionalInt.of(i);
            }
            if (Character.isLowSurrogate(c)) {
                return OptionalInt.of(i);
            }
            if (strict ? Character.isISOControl(c) : refusedInText(c)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    private static boolean refusedInText(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }
}
