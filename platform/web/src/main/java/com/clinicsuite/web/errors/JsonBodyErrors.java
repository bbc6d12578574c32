package com.clinicsuite.web.errors;

import com.clinicsuite.web.input.ControlCharacters;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one rule for a JSON body that cannot be read into the endpoint's type:
 *
 * <ul>
 *   <li>not JSON at all (a syntax error, a truncated document): 400 {@code malformed_json}, with the line and column;
 *   <li>JSON whose values do not fit the fields (a word for a number, an unknown enum value, an object for a list, a
 *       number out of range): 422 {@code validation_failed} naming the field as the caller wrote it
 *       ({@code package_amount}, {@code debtor_ids[2]}), like every other validation failure;
 *   <li>JSON beyond the parser's limits (nesting depth, a number of over 1,000 digits): 413 {@code payload_too_large}.
 * </ul>
 *
 * The value itself is never repeated (it may be personal data, and it goes to no log either).
 */
public final class JsonBodyErrors {

    private JsonBodyErrors() {}

    /** The answer for a Jackson failure anywhere in {@code failure}'s causes; empty when none is one. */
    public static Optional<ApiErrorResponse> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return Optional.of(new ApiErrorResponse(
                        413,
                        new ApiError(
                                "The JSON body exceeds the parser's limits ("
                                        + firstSentence(limit.getOriginalMessage()) + ")",
                                ErrorCode.PAYLOAD_TOO_LARGE.code(),
                                null)));
            }
        }
        JsonMappingException mapping = find(failure, JsonMappingException.class);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputCoercionException coercion) {
                return Optional.of(unfit(field(mapping), "is out of range; " + expected(coercion.getTargetType())));
            }
            if (t instanceof StreamReadException syntax) {
                return Optional.of(new ApiErrorResponse(400, malformed(syntax)));
            }
        }
        if (mapping instanceof MismatchedInputException mismatch
                && mismatch.getOriginalMessage() != null
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            // a second JSON value after the document: not one JSON document, so not JSON this endpoint can read
            return Optional.of(new ApiErrorResponse(
                    400,
                    new ApiError(
                            "The body is not valid JSON: more follows the end of the document; send a single JSON"
                                    + " value",
                            ErrorCode.MALFORMED_JSON.code(),
                            null)));
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            return Optional.of(unfit(field(mismatch), expected(mismatch.getTargetType())));
        }
        if (mapping instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage()
                    : "is not a valid value";
            return Optional.of(unfit(field(instantiation), message));
        }
        if (mapping != null && !(mapping instanceof com.fasterxml.jackson.databind.exc.InvalidDefinitionException)) {
            return Optional.of(unfit(field(mapping), "cannot be read into this field"));
        }
        return Optional.empty();
    }

    /**
     * Where a value is, as the caller wrote it: {@code name}, {@code items[2].name}; {@code body} for the document
     * itself. Names holding control characters are shown without them.
     */
    public static String field(JsonMappingException e) {
        if (e == null) {
            return "body";
        }
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ControlCharacters.printable(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** What a value of {@code type} must look like, in words a user can act on. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == byte.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == Byte.class
                || type == BigInteger.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class
                || type == double.class
                || type == float.class
                || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "must be a text";
        }
        if (type.isEnum()) {
            return "must be one of: "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (type == OffsetDateTime.class
                || type == ZonedDateTime.class
                || type == Instant.class
                || type == LocalDateTime.class) {
            return "must be a date and time (ISO-8601, e.g. 2025-01-15T10:30:00Z)";
        }
        if (type == LocalTime.class) {
            return "must be a time (HH:MM)";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "must be an object" : "has the wrong type";
    }

    private static ApiErrorResponse unfit(String field, String message) {
        return new ApiErrorResponse(
                422,
                new ApiError(
                        field + ": " + message,
                        ErrorCode.VALIDATION_FAILED.code(),
                        List.of(new ApiError.FieldError(field, message))));
    }

    private static ApiError malformed(StreamReadException syntax) {
        JsonLocation at = syntax.getLocation();
        String where =
                at != null && at.getLineNr() > 0 ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
        return new ApiError(
                "The body is not valid JSON" + where + ": " + firstSentence(syntax.getOriginalMessage())
                        + "; correct the syntax and send it again",
                ErrorCode.MALFORMED_JSON.code(),
                null);
    }

    /** Jackson's own description up to its first line or clause, without the value it quotes. */
    private static String firstSentence(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        int quote = line.indexOf(": '");
        if (quote < 0) {
            quote = line.indexOf(" ('");
        }
        if (quote < 0) {
            quote = line.indexOf(": was expecting");
        }
        return quote > 0 ? line.substring(0, quote) : line;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A status and the body that goes with it. */
    public record ApiErrorResponse(int status, ApiError error) {}
}
