package com.clinicsuite.debtor.repository;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A debtor as the exports print it: a plain row read page by page (no entity, nothing kept in a session).
 * {@code arrears} (60 days and older) and the last payment are what the missing-contacts list prints.
 */
public record ExportRow(
        String accNo,
        String name,
        BigDecimal current,
        BigDecimal d30,
        BigDecimal d60,
        BigDecimal d90,
        BigDecimal d120,
        BigDecimal d150,
        BigDecimal d180,
        BigDecimal balance,
        String email,
        String phone,
        BigDecimal arrears,
        BigDecimal lastPaymentAmount,
        LocalDate lastPaymentDate) {

    public BigDecimal amount(AgeingBucket bucket) {
        return switch (bucket) {
            case CURRENT -> current;
            case D30 -> d30;
            case D60 -> d60;
            case D90 -> d90;
            case D120 -> d120;
            case D150 -> d150;
            case D180 -> d180;
        };
    }
}
