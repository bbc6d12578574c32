package com.clinicsuite.credit.service;

import java.math.BigDecimal;
import java.util.List;

/** GET /credit-balances/stats/summary: totals over the records the caller may see, and per center. */
public record StatsSummary(
        long totalRecords,
        BigDecimal totalPackageAmount,
        BigDecimal totalAmountPaid,
        BigDecimal totalBalance,
        BigDecimal totalPrepaidGiftCardBalance,
        long totalSessionsPaid,
        long totalSessionsConsumed,
        long totalBalanceSessions,
        List<CenterSummary> byCenter) {

    public record CenterSummary(String center, long records, BigDecimal totalBalance) {}
}
