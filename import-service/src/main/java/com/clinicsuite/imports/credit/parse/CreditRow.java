package com.clinicsuite.imports.credit.parse;

import java.math.BigDecimal;
import java.util.List;

/**
 * A validated, normalised row of a credit-balance sheet: what credit-balance-service will store.
 *
 * @param sourceRow the 1-based Excel row (CSV record) it came from, for messages
 * @param phone     10 national digits of an Indian mobile number, or {@code null}
 * @param emails    valid addresses, lower-cased; empty when none
 */
public record CreditRow(
        String sheet,
        int sourceRow,
        String clientCode,
        String clientName,
        String phone,
        List<String> emails,
        String treatmentName,
        String center,
        String finalBucket,
        BigDecimal packageAmount,
        BigDecimal amountPaid,
        BigDecimal balanceAmount,
        BigDecimal prepaidGiftCardBalance,
        int sessionsPaid,
        int sessionsConsumed,
        int balanceSessions) {

    /** The addresses as one field, the way the clinic's records keep them. */
    public String emailId() {
        return emails.isEmpty() ? null : String.join(", ", emails);
    }
}
