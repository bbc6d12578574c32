package com.clinicsuite.notification.rest;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Who to render the pharmacy's template for: either one of the pharmacy's debtors, {@code debtor_id} (its current
 * data, from debtor-service; {@code ageing_buckets} optionally names the buckets the amount due adds up, as in
 * send-email), or a sample debtor ({@code debtor_name}, {@code acc_no}, {@code amount_due}, {@code buckets}; fields as
 * in ReminderRequested). {@code template} optionally previews an unsaved edit instead of the stored template. Which
 * fields go together is checked by {@link TemplateResource} (422 naming the field).
 */
public record PreviewRequest(
        @Positive Long debtorId,
        @Size(max = 7) List<String> ageingBuckets,
        @Size(max = 200) String debtorName,
        @Size(max = 50) String accNo,
        BigDecimal amountDue,
        @Size(max = 20) Map<String, BigDecimal> buckets,
        TemplateUpdate template) {

    boolean hasSampleDebtor() {
        return debtorName != null || accNo != null || amountDue != null || buckets != null;
    }
}
