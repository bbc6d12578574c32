package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.repository.Debtor;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reminder tells notification-service's template about one debtor: the name and account number as the report
 * has them, the amount due (the sum of the requested ageing buckets) and each requested bucket's amount, in the
 * order asked. The one place these are worked out, for {@code send-email}/{@code send-sms} ({@code ReminderRequested})
 * and for the template preview of a debtor ({@code GET .../{debtor_id}/reminder-content}), so a preview shows what a
 * reminder would say.
 */
public record ReminderValues(
        long debtorId, String accNo, String debtorName, BigDecimal amountDue, Map<String, BigDecimal> buckets) {

    public static ReminderValues of(Debtor debtor, List<AgeingBucket> requested) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        BigDecimal due = BigDecimal.ZERO;
        for (AgeingBucket bucket : requested) {
            BigDecimal amount = bucket.amountOf(debtor);
            amounts.put(bucket.key(), amount);
            due = due.add(amount);
        }
        return new ReminderValues(debtor.id, debtor.accNo, debtor.name, due, amounts);
    }

    @Override
    public String toString() {
        return "ReminderValues[" + debtorId + "]"; // personal data never reaches logs
    }
}
