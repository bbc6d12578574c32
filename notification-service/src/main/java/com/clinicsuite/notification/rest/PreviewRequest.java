package com.clinicsuite.notification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A sample debtor to render the pharmacy's template for (fields as in ReminderRequested). {@code template}
 * optionally previews an unsaved edit instead of the stored template.
 */
public record PreviewRequest(
        @NotBlank @Size(max = 200) String debtorName,
        @NotBlank @Size(max = 50) String accNo,
        @NotNull BigDecimal amountDue,
        @Size(max = 20) Map<String, BigDecimal> buckets,
        TemplateUpdate template) {}
