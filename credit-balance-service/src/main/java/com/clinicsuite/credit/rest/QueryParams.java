package com.clinicsuite.credit.rest;

import jakarta.ws.rs.BadRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses query parameters that JAX-RS would answer 404 for when malformed; here they are a 400 naming the parameter. */
final class QueryParams {

    private QueryParams() {}

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static BigDecimal decimal(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a number, e.g. 1000.50");
        }
    }

    /** An ISO-8601 instant ({@code 2025-01-15T10:30:00Z}) or a date ({@code 2025-01-15}, midnight UTC). */
    static OffsetDateTime instant(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value.trim()).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new BadRequestException(name + " must be an ISO-8601 time such as 2025-01-15T10:30:00Z");
            }
        }
    }
}
