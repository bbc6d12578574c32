package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CenterTotals;
import com.clinicsuite.credit.repository.CreditBalanceRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;

/** The summary figures, from one grouped query, cached between changes (see {@link TotalsCache}). */
@ApplicationScoped
public class StatsService {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final CreditBalanceRepository repository;
    private final CenterScope scope;
    private final TotalsCache totalsCache;

    public StatsService(CreditBalanceRepository repository, CenterScope scope, TotalsCache totalsCache) {
        this.repository = repository;
        this.scope = scope;
        this.totalsCache = totalsCache;
    }

    @WithSession
    public Uni<StatsSummary> summary() {
        return repository
                .totalsByCenter(totalsCache.generation(), scope.restriction().orElse(""))
                .map(StatsService::summarise);
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
