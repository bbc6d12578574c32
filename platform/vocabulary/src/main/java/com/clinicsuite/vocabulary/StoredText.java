package com.clinicsuite.vocabulary;

/**
 * Text that came from outside (file names of uploads, mail senders, Message-IDs, error messages, provider answers)
 * made fit to store, the one implementation of the suite: control characters and lone surrogates removed (PostgreSQL
 * refuses NUL, UTF-8 cannot encode a lone surrogate, CR/LF have no business in a name) and cut to the column's size,
 * never in the middle of a character. A value that does not fit must not fail the write that records it.
 *
 * <p>Sizes are counted in UTF-16 code units, never splitting a surrogate pair: SQL Server's NVARCHAR(n) measure, and
 * never more code points than PostgreSQL's VARCHAR(n) allows.
 */
public final class StoredText {

    /** A file name column ({@code debtor_report_upload.filename}, {@code credit_import_job.filename}). */
    public static final int MAX_FILENAME = 255;

    private StoredText() {}

    /**
     * The file name of an upload without any client path (a browser may send {@code C:\Users\x\report.pdf}) nor control
     * characters, cut from the front to {@link #MAX_FILENAME} so the extension stays; {@code fallback} when nothing is
     * left.
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
        return text == null ? null : cut(withoutControls(text), max, "...");
    }

    /** At most {@code max} UTF-16 code units of {@code text}, never ending in half a surrogate pair; null stays null. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** As {@link #cut(String, int)}, the cut text ending in {@code mark} ("...", "…") within the {@code max}. */
    public static String cut(String text, int max, String mark) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return cut(text, max - mark.length()) + mark;
    }

    /** Without control characters (C0, DEL, C1) and lone surrogates; everything else kept as it is. */
    public static String withoutControls(String text) {
        if (clean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (!Character.isISOControl(c) && !Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
