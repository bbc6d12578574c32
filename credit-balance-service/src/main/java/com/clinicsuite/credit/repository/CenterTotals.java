package com.clinicsuite.credit.repository;

import java.math.BigDecimal;

/** Sums of one center's records, as credit_center_totals keeps them. */
public record CenterTotals(
        String center,
        long records,
        BigDecimal packageAmount,
        BigDecimal amountPaid,
        BigDecimal balanceAmount,
        BigDecimal prepaidGiftCardBalance,
        long sessionsPaid,
        long sessionsConsumed,
        long balanceSessions) {}
