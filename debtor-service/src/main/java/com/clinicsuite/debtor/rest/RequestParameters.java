package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Parses query and body values, answering 422 with the field at fault for anything invalid. */
final class RequestParameters {

    private RequestParameters() {}

    static int integer(String field, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new UnprocessableEntityException(field, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UnprocessableEntityException(field, "must be a whole number");
        }
    }

    static BigDecimal amount(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw new UnprocessableEntityException(field, "must be a number");
        }
    }

    static Boolean bool(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new UnprocessableEntityException(field, "must be true or false");
        };
    }

    /** A comma-separated list of bucket keys (query parameter). */
    static List<AgeingBucket> buckets(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return buckets(field, Arrays.asList(raw.split(",")));
    }

    static List<AgeingBucket> buckets(String field, List<String> keys) {
        List<AgeingBucket> result = new ArrayList<>();
        for (String key : keys) {
            if (key == null || key.isBlank()) {
                continue;
            }
            AgeingBucket bucket = AgeingBucket.fromKey(key)
                    .orElseThrow(() -> new UnprocessableEntityException(
                            field,
                            "unknown ageing bucket '" + key.trim()
                                    + "' (use current, d30, d60, d90, d120, d150, d180)"));
            if (!result.contains(bucket)) {
                result.add(bucket);
            }
        }
        return result;
    }
}
