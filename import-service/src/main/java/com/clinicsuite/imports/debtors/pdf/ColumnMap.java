package com.clinicsuite.imports.debtors.pdf;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An explicit column map (issue 24 point 4): report heading -> field, for layouts whose headings the vocabulary of
 * {@link ColumnLayout} does not know. Consulted before the vocabulary; headings it does not name are still
 * recognised by the vocabulary. Headings match case-insensitively, runs of blanks counting as one space. A heading
 * the vocabulary reads as an amount column ({@code 60 Days}) may only be mapped to that column: reconciliation cannot
 * catch two bucket columns swapped (each account and the totals row are read alike), so the map is refused.
 *
 * @param fields normalised heading (upper case, single spaces) -> field
 */
public record ColumnMap(Map<String, Field> fields) {

    /** No map: the vocabulary alone. */
    public static final ColumnMap NONE = new ColumnMap(Map.of());

    /**
     * Bounds on what a client may send (every heading is tried against every report line): a report has at most a
     * few dozen columns and a printed heading is a few words.
     */
    static final int MAX_HEADINGS = 40;

    static final int MAX_HEADING_LENGTH = 80;

    /**
     * The fields a heading can be mapped to: the amount columns ({@link Bucket}), the contact columns
     * ({@link ColumnLayout.ContactKind}), the name and the account number. Written in lower case in the map
     * ({@code acc_no}, {@code d30}).
     */
    public enum Field {
        ACC_NO,
        NAME,
        CURRENT,
        D30,
        D60,
        D90,
        D120,
        D150,
        D180,
        BALANCE,
        PHONE,
        CELL,
        EMAIL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The amount column this field is, if it is one. */
        Optional<Bucket> bucket() {
            return switch (this) {
                case ACC_NO, NAME, PHONE, CELL, EMAIL -> Optional.empty();
                default -> Optional.of(Bucket.valueOf(name()));
            };
        }

        /** The contact column this field is, if it is one. */
        Optional<ColumnLayout.ContactKind> contact() {
            return switch (this) {
                case PHONE -> Optional.of(ColumnLayout.ContactKind.PHONE);
                case CELL -> Optional.of(ColumnLayout.ContactKind.CELL);
                case EMAIL -> Optional.of(ColumnLayout.ContactKind.EMAIL);
                default -> Optional.empty();
            };
        }

        /** {@code acc_no, name, current, ...}: for messages. */
        public static String allowed() {
            return Arrays.stream(values()).map(Field::key).collect(Collectors.joining(", "));
        }
    }

    public ColumnMap {
        fields = Map.copyOf(fields);
    }

    /**
     * The map as a client writes it (heading -> field name).
     *
     * @throws IllegalArgumentException naming the empty heading or unknown field, with the allowed fields
     */
    public static ColumnMap of(Map<String, String> headingToField) {
        if (headingToField.size() > MAX_HEADINGS) {
            throw new IllegalArgumentException(
                    "maps " + headingToField.size() + " headings; a map takes at most " + MAX_HEADINGS);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : headingToField.entrySet()) {
            String heading = normalise(entry.getKey());
            if (heading.isEmpty()) {
                throw new IllegalArgumentException("a heading is empty; write each column heading as printed");
            }
            if (heading.length() > MAX_HEADING_LENGTH) {
                throw new IllegalArgumentException(
                        "a heading is longer than " + MAX_HEADING_LENGTH + " characters; write it as printed");
            }
            Field field = fieldNamed(entry.getValue())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "heading '" + entry.getKey().strip()
                                    + "' maps to unknown field '" + entry.getValue() + "'; allowed fields: "
                                    + Field.allowed()));
            Optional<Bucket> read = ColumnLayout.vocabularyAmount(heading);
            if (read.isPresent() && !field.bucket().equals(read)) {
                // the totals row is read with the same map, so a swap of two buckets would reconcile and be saved
                String key = Field.valueOf(read.get().name()).key();
                throw new IllegalArgumentException("heading '" + entry.getKey().strip() + "' reads as the "
                        + read.get().label() + " column (" + key + "), but the map sends it to " + field.key()
                        + ": map it to " + key + " or leave it out (the heading vocabulary reads it); a map may send "
                        + "elsewhere only headings the vocabulary does not read as an amount column");
            }
            fields.put(heading, field);
        }
        return new ColumnMap(fields);
    }

    /** The map as it is saved and shown: heading -> field name. */
    public Map<String, String> asNames() {
        Map<String, String> names = new LinkedHashMap<>();
        fields.forEach((heading, field) -> names.put(heading, field.key()));
        return names;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The field of a heading as printed, if the map names it. */
    public Optional<Field> field(String heading) {
        return fields.isEmpty() ? Optional.empty() : Optional.ofNullable(fields.get(normalise(heading)));
    }

    /** True for a heading the map sends to an amount column. */
    public boolean isAmountHeading(String heading) {
        return field(heading).flatMap(Field::bucket).isPresent();
    }

    /** The most words a mapped heading has. */
    int maxWords() {
        int max = 0;
        for (String heading : fields.keySet()) {
            max = Math.max(max, heading.split(" ").length);
        }
        return max;
    }

    private static Optional<Field> fieldNamed(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Field field : Field.values()) {
            if (field.key().equalsIgnoreCase(name.strip())) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    static String normalise(String heading) {
        return heading == null ? "" : heading.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
