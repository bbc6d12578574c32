package com.clinicsuite.events.debtors;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A promise to pay of an account (pharmacy + acc_no) was made ({@code open}), cancelled by staff, or decided by a
 * later report ({@code kept} / {@code broken}; {@code reportId} names that report). No name or contact details.
 * {@code changedBy} is the staff username, null when a report decided it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PromiseToPayChanged(
        long promiseId,
        long pharmacyId,
        String accNo,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        LocalDate dueDate,
        String status,
        Long reportId,
        String changedBy,
        Instant changedAt) {}
