package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ageing-bucket lists in query and body values, answering 422 with the field at fault (numbers and flags:
 * {@link com.clinicsuite.web.input.ParameterValues}).
 */
final class RequestParameters {

    private RequestParameters() {}

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
