package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CenterTotals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;

/** The summary figures, from the per-center totals, cached between changes (see {@link TotalsCache}). */
@ApplicationScoped
public class StatsService {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final CenterScope scope;
    private final TotalsCache totalsCache;

    public StatsService(CenterScope scope, TotalsCache totalsCache) {
        this.scope = scope;
        this.totalsCache = totalsCache;
    }

    /** No session here: the totals are read in a session of their own (see {@link SharedFigures}). */
    public Uni<StatsSummary> summary() {
        return totalsCache.totals(scope.restriction().orElse("")).map(StatsService::summarise);
    }

    private static StatsSummary summarise(List<CenterTotals> centers) {
        return new StatsSummary(
                centers.stream().mapToLong(CenterTotals::records).sum(),
                sum(centers.stream().map(CenterTotals::packageAmount).toList()),
                sum(centers.stream().map(CenterTotals::amountPaid).toList()),
                sum(centers.stream().map(CenterTotals::balanceAmount).toList()),
                sum(centers.stream().map(CenterTotals::prepaidGiftCardBalance).toList()),
                centers.stream().mapToLong(CenterTotals::sessionsPaid).sum(),
                centers.stream().mapToLong(CenterTotals::sessionsConsumed).sum(),
                centers.stream().mapToLong(CenterTotals::balanceSessions).sum(),
                centers.stream()
                        .map(c -> new StatsSummary.CenterSummary(
                                c.center(), c.records(), c.balanceAmount().setScale(2)))
                        .toList());
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(ZERO, BigDecimal::add).setScale(2);
    }
}
