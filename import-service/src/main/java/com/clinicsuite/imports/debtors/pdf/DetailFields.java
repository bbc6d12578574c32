package com.clinicsuite.imports.debtors.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the labelled lines printed under an account ({@code PAYMENT DETAIL: 20250704 389.52- Terms : 02 Credit
 * Limit : 2000.00}, {@code eMail: X@Y}, {@code TEL: 0826077953 PMT AMT: ...}, {@code Tel: .. Cell: .. E-mail: ..})
 * into label/value pairs. Labels are recognised wherever they stand on the line, so their order and spacing may
 * change; labels the import does not use are still recognised so their values never spill into a neighbour.
 */
final class DetailFields {

    /** What a label means to the import. */
    enum Field {
        PAYMENT,
        TERMS,
        CREDIT_LIMIT,
        EMAIL,
        TEL,
        CELL,
        GROUP,
        IGNORED
    }

    /** One labelled value; {@code label} as printed (the phone's kind shows in it). */
    record Entry(Field field, String label, String value) {}

    private static final Pattern LABEL = Pattern.compile(
            "(?i)(?<![\\p{L}\\d])(PAYMENT DETAILS?|LAST PAYMENT|TERMS|CREDIT LIMIT|CR\\.? ?LIMIT|E-?MAIL|E MAIL"
                    + "|TELEPHONE|TEL|PHONE|CELL(?:PHONE)?|MOBILE|GROUP|PMT AMT|CRLIM|CRGRN|COMMENT\\.*|FAX"
                    + "|SELECT TYPE|VAT NO)\\s*:");

    private DetailFields() {}

    /** The labelled values of the line in print order; empty when it has no known label. */
    static List<Entry> read(String text) {
        Matcher m = LABEL.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            String label = m.group(1);
            labels.add(label);
            fields.add(field(label.toUpperCase(Locale.ROOT)));
        }
        List<Entry> entries = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            int valueEnd = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            String value = text.substring(spans.get(i)[1], valueEnd).strip();
            entries.add(new Entry(fields.get(i), labels.get(i), value));
        }
        return entries;
    }

    /** Just the values by field, first occurrence wins. */
    static Map<Field, String> byField(List<Entry> entries) {
        Map<Field, String> values = new LinkedHashMap<>();
        for (Entry entry : entries) {
            values.putIfAbsent(entry.field(), entry.value());
        }
        return values;
    }

    private static Field field(String label) {
        if (label.startsWith("PAYMENT") || label.equals("LAST PAYMENT")) {
            return Field.PAYMENT;
        }
        if (label.equals("TERMS")) {
            return Field.TERMS;
        }
        if (label.equals("CREDIT LIMIT") || label.startsWith("CR") && label.contains("LIMIT")) {
            return Field.CREDIT_LIMIT;
        }
        if (label.contains("MAIL")) {
            return Field.EMAIL;
        }
        if (label.startsWith("CELL") || label.equals("MOBILE")) {
            return Field.CELL;
        }
        if (label.equals("TEL") || label.equals("TELEPHONE") || label.equals("PHONE")) {
            return Field.TEL;
        }
        if (label.equals("GROUP")) {
            return Field.GROUP;
        }
        return Field.IGNORED;
    }
}
