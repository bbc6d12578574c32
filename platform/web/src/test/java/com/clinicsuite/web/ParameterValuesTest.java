package com.clinicsuite.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicsuite.web.errors.UnprocessableEntityException;
import com.clinicsuite.web.input.ParameterValues;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {

    @Test
    void absentAndBlankGiveTheDefault() {
        assertThat(ParameterValues.integer("limit", null, 50, 1, 200)).isEqualTo(50);
        assertThat(ParameterValues.integer("limit", "  ", 50, 1, 200)).isEqualTo(50);
        assertThat(ParameterValues.decimal("min_balance", "")).isNull();
        assertThat(ParameterValues.bool("dry_run", null)).isNull();
        assertThat(ParameterValues.instant("from", " ")).isNull();
        assertThat(ParameterValues.text(" x ")).isEqualTo("x");
    }

    @Test
    void valuesAreReadExactly() {
        assertThat(ParameterValues.integer("skip", " 7 ", 0, 0, Integer.MAX_VALUE))
                .isEqualTo(7);
        assertThat(ParameterValues.decimal("min_balance", "1000.50")).isEqualByComparingTo(new BigDecimal("1000.50"));
        assertThat(ParameterValues.decimal("min_balance", "0.10").scale()).isEqualTo(2);
        assertThat(ParameterValues.bool("dry_run", "TRUE")).isTrue();
        assertThat(ParameterValues.bool("dry_run", "1")).isTrue();
        assertThat(ParameterValues.bool("dry_run", "off")).isFalse();
        assertThat(ParameterValues.instant("from", "2025-01-15"))
                .isEqualTo(OffsetDateTime.parse("2025-01-15T00:00:00Z"));
        assertThat(ParameterValues.instant("from", "2025-01-15T12:30:00+02:00"))
                .isEqualTo(OffsetDateTime.parse("2025-01-15T10:30:00Z"));
        assertThat(ParameterValues.<String>oneOf(
                        "mode", "Upsert", v -> Optional.of(v.toLowerCase()), "replace, upsert"))
                .isEqualTo("upsert");
    }

    @Test
    void aValueThatDoesNotFitIs422NamingTheParameter() {
        assertRefused(() -> ParameterValues.integer("limit", "0", 50, 1, 200), "limit", "must be between 1 and 200");
        assertRefused(
                () -> ParameterValues.integer("skip", "-1", 0, 0, Integer.MAX_VALUE), "skip", "must be 0 or more");
        assertRefused(() -> ParameterValues.integer("skip", "1.5", 0, 0, 10), "skip", "must be a whole number");
        // beyond int: refused, never wrapped round to a small number
        assertRefused(
                () -> ParameterValues.integer("skip", "4294967296", 0, 0, Integer.MAX_VALUE),
                "skip",
                "must be 0 or more");
        assertRefused(
                () -> ParameterValues.decimal("min_balance", "lots"), "min_balance", "must be a number, e.g. 1000.50");
        assertRefused(() -> ParameterValues.bool("dry_run", "maybe"), "dry_run", "must be true or false");
        assertRefused(() -> ParameterValues.instant("from", "yesterday"), "from", "must be an ISO-8601 time");
    }

    @Test
    void anUnknownChoiceIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> ParameterValues.<String>oneOf("center", "Jane Doe", v -> Optional.empty(), "GK2, PTP"))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("center");
                        assertThat(f.message()).isEqualTo("must be one of GK2, PTP");
                    });
                    assertThat(e.getMessage()).doesNotContain("Jane");
                });
    }

    private static void assertRefused(Runnable parse, String field, String message) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
            assertThat(e.code()).isEqualTo("validation_failed");
            assertThat(e.errors()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo(field);
                assertThat(f.message()).startsWith(message);
            });
        });
    }
}
