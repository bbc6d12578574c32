package com.clinicsuite.web.input;

import com.clinicsuite.web.errors.UnprocessableEntityException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Query parameters and multipart text fields, taken as text and parsed here, so that a value that does not fit is a
 * 422 {@code validation_failed} naming the parameter in {@code errors[]} (the answer a JSON body field gets), on every
 * service. Declaring them as {@code int} or {@code BigDecimal} would let JAX-RS answer 404 for a malformed value.
 *
 * <p>Absent and blank are the same: the default (or {@code null}). One rule for every list endpoint, decided in
 * issue 20.6: a malformed or out-of-range parameter is a validation failure (422), not a 400; 400 stays for a
 * request that cannot be read at all (a missing multipart part, a body that is not JSON).
 */
public final class ParameterValues {

    private ParameterValues() {}

    /** The trimmed value, or {@code null} when absent or blank. */
    public static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    /** A whole number within {@code [min, max]}; {@code absent} when not given. */
    public static int integer(String name, String raw, int absent, int min, int max) {
        String value = text(raw);
        if (value == null) {
            return absent;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number");
        }
        if (parsed < min || parsed > max) {
            throw invalid(
                    name,
                    max == Integer.MAX_VALUE
                            ? "must be " + min + " or more"
                            : "must be between " + min + " and " + max);
        }
        return (int) parsed;
    }

    /** A decimal number ({@code 1000.50}), exact; {@code null} when not given. */
    public static BigDecimal decimal(String name, String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a number, e.g. 1000.50");
        }
    }

    /**
     * {@code true}/{@code false}, also {@code 1}/{@code 0}, {@code yes}/{@code no}, {@code on}/{@code off} (any case:
     * what HTML forms and scripts send); {@code null} when not given.
     */
    public static Boolean bool(String name, String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw invalid(name, "must be true or false");
        };
    }

    /** An ISO-8601 instant ({@code 2025-01-15T10:30:00Z}) or a date ({@code 2025-01-15}, midnight UTC). */
    public static OffsetDateTime instant(String name, String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw invalid(name, "must be an ISO-8601 time such as 2025-01-15T10:30:00Z, or a date");
            }
        }
    }

    /**
     * One of a fixed set of values, read by {@code lookup} (for example an enum's JSON names); {@code null} when not
     * given. {@code allowed} is shown to the caller when the value is not one of them.
     */
    public static <T> T oneOf(String name, String raw, Function<String, Optional<T>> lookup, String allowed) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        // the refused value is not repeated (docs/development.md, "Errors": it may be personal data)
        return lookup.apply(value).orElseThrow(() -> invalid(name, "must be one of " + allowed));
    }

    private static UnprocessableEntityException invalid(String name, String message) {
        return new UnprocessableEntityException(name, message);
    }
}
