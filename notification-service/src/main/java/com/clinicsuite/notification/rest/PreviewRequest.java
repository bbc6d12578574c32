package com.clinicsuite.notification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A sample debtor to render the pharmacy's template for (fields as in ReminderRequested). {@code template}
 * optionally previews an unsaved edit instead of the stored template.
 */
public record PreviewRequest(
        @NotBlank String debtorName,
        @NotBlank String accNo,
        @NotNull BigDecimal amountDue,
        Map<String, BigDecimal> buckets,
        TemplateUpdate template) {}
