package com.clinicsuite.imports.service;

/**
 * Text that came from outside (file names, mail senders, Message-IDs, error messages) made fit to store: control
 * characters removed (PostgreSQL refuses NUL; CR/LF have no business in a name) and cut to the column's size, never
 * in the middle of a character. A value that does not fit must not fail the write that records it.
 */
public final class StoredText {

    /** {@code debtor_report_upload.filename}, {@code credit_import_job.filename}. */
    public static final int MAX_FILENAME = 255;

    private StoredText() {}

    /**
     * The file name without any client path (a browser may send {@code C:\Users\x\report.pdf}), cut from the front so
     * the extension stays; {@code fallback} when nothing is left.
     */
    public static String filename(String raw, String fallback) {
        String name = raw == null ? "" : withoutControls(raw).replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            return fallback;
        }
        if (name.length() <= MAX_FILENAME) {
            return name;
        }
        int start = name.length() - MAX_FILENAME;
        return name.substring(Character.isLowSurrogate(name.charAt(start)) ? start + 1 : start);
    }

    /** {@code text} without control characters, cut to {@code max} characters ending in "..." when cut; null stays null. */
    public static String bounded(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = withoutControls(text);
        if (clean.length() <= max) {
            return clean;
        }
        int end = max - 3;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + "...";
    }

    private static String withoutControls(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                StringBuilder clean = new StringBuilder(text.length());
                text.chars().filter(c -> !Character.isISOControl(c)).forEach(c -> clean.append((char) c));
                return clean.toString();
            }
        }
        return text;
    }
}
