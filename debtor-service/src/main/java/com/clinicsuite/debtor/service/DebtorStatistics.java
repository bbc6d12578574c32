package com.clinicsuite.debtor.service;

import java.math.BigDecimal;

/** Totals of a pharmacy's current debtors, medical-aid control accounts excluded. */
public record DebtorStatistics(
        int totalAccounts,
        BigDecimal totalOutstanding,
        BigDecimal current,
        BigDecimal d30,
        BigDecimal d60,
        BigDecimal d90,
        BigDecimal d120,
        BigDecimal d150,
        BigDecimal d180) {

    static DebtorStatistics none() {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new DebtorStatistics(0, zero, zero, zero, zero, zero, zero, zero, zero);
    }
}
