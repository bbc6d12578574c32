package com.clinicsuite.debtor.repository;

import java.math.BigDecimal;

/** A debtor as the exports print it: a plain row read page by page (no entity, nothing kept in a session). */
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
        String phone) {

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
