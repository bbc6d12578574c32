package com.clinicsuite.events.debtors;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How a pharmacy's accounts moved between a completed report and the one before it: counts and amounts per
 * movement, no account numbers, names or contact details. Published once per completed report that has a
 * predecessor. Medical-aid control accounts are left out, as in the statistics.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportMovement(
        long pharmacyId,
        long fromReportId,
        long toReportId,
        LocalDate fromReportDate,
        LocalDate toReportDate,
        Summary summary,
        Instant computedAt) {

    /** The movement summary, shaped as GET /movement answers it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(
            @JsonProperty("new") CountAndBalance newAccounts,
            CountAndBalance cleared,
            CountAndAmount paidDown,
            CountAndAmount increased,
            CountAndAmount aged,
            Count unchanged,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal outstandingBefore,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal outstandingAfter) {}

    /** Accounts that appeared ({@code new}: their balance now) or disappeared ({@code cleared}: their balance before). */
    public record CountAndBalance(
            int count,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal balance) {}

    /** Accounts whose balance went down or up ({@code amount}: the sum of the changes) or aged (their balance). */
    public record CountAndAmount(
            int count,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {}

    public record Count(int count) {}
}
