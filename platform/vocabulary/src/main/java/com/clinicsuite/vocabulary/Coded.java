package com.clinicsuite.vocabulary;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A value of the suite's vocabulary with the name it has outside Java: in JSON (events and HTTP answers) and in
 * database columns. The enums implementing it are the only place those names are written.
 */
public interface Coded {

    /** The value's name in JSON and in database columns ({@code completed}, {@code sms} ...). */
    String code();

    /** The constant named {@code code} (exactly, as written by {@link #code()}), or empty. */
    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(value -> value.code().equals(code))
                .findFirst();
    }

    /**
     * The constant named {@code code}; null for null. A name outside the enum is refused: in an event that breaks its
     * schema (the consumer dead-letters it), in a column it means data no version of the suite wrote.
     */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        return find(type, code)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown " + type.getSimpleName() + " '" + code + "'; known: " + codes(type)));
    }

    /** {@code queued, sent, delivered, failed}: for messages that list what is accepted. */
    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
