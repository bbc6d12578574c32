package com.clinicsuite.credit.repository;

import com.clinicsuite.credit.service.TotalsCache;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

@ApplicationScoped
public class CreditBalanceRepository implements PanacheRepository<CreditBalance> {

    /** Compiled once: String.replaceAll would compile it on every search. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** pg_trgm indexes runs of letters and digits: a term without three in a row gives it no trigram to look up. */
    private static final Pattern TRIGRAM = Pattern.compile("[\\p{L}\\p{N}]{3}");

    /** Kept per center by triggers on credit_balance (migration V5): four rows, not a pass over every record. */
    private static final String TOTALS = "select center, records, package_amount, amount_paid, balance_amount, "
            + "prepaid_gift_card_balance, sessions_paid, sessions_consumed, balance_sessions from credit_center_totals "
            + "where records > 0 ";

    /** One page of matches in id order, as views: nothing enters the session, nothing to dirty-check or flush. */
    public Uni<List<CreditBalanceView>> pageItems(CreditBalanceFilter filter, int skip, int limit) {
        Where where = where(filter);
        return getSession().chain(session -> {
            var query = session.createSelectionQuery(
                    CreditBalanceView.SELECT + "where " + where.hql() + " order by c.id", CreditBalanceView.class);
            where.params().map().forEach(query::setParameter);
            return query.setFirstResult(skip).setMaxResults(limit).getResultList();
        });
    }

    /**
     * The number of all matches. Cached per generation and filter (the filter holds the caller's center scope):
     * see TotalsCache, which drops it after every change committed here.
     */
    @CacheResult(cacheName = TotalsCache.COUNTS)
    public Uni<Long> countMatching(@CacheKey long generation, @CacheKey CreditBalanceFilter filter) {
        Where where = where(filter);
        return count(where.hql(), where.params());
    }

    /** The records of a voucher, in {@code center} only when given (one statement either way). */
    public Uni<List<CreditBalance>> findByVoucher(String voucherNumber, Optional<String> center) {
        return center.isPresent()
                ? list("voucherNumber = ?1 and center = ?2", Sort.by("id"), voucherNumber, center.get())
                : list("voucherNumber = ?1", Sort.by("id"), voucherNumber);
    }

    /** Records whose client code is one of {@code clientCodes} (the upsert candidates of an import). */
    public Uni<List<CreditBalance>> findByClientCodes(Collection<String> clientCodes) {
        return list("clientCode in ?1", clientCodes);
    }

    /** Totals per center; {@code center} empty means all centers. Cached per generation: see TotalsCache. */
    @CacheResult(cacheName = TotalsCache.STATS)
    public Uni<List<CenterTotals>> totalsByCenter(@CacheKey long generation, @CacheKey String center) {
        boolean all = center.isEmpty();
        String sql = TOTALS + (all ? "" : "and center = :center ") + "order by center";
        return getSession()
                .chain(session -> {
                    var query = session.createNativeQuery(sql, Object[].class);
                    if (!all) {
                        query.setParameter("center", center);
                    }
                    return query.getResultList();
                })
                .map(rows ->
                        rows.stream().map(CreditBalanceRepository::centerTotals).toList());
    }

    private static CenterTotals centerTotals(Object[] row) {
        return new CenterTotals(
                (String) row[0],
                ((Number) row[1]).longValue(),
                (BigDecimal) row[2],
                (BigDecimal) row[3],
                (BigDecimal) row[4],
                (BigDecimal) row[5],
                ((Number) row[6]).longValue(),
                ((Number) row[7]).longValue(),
                ((Number) row[8]).longValue());
    }

    /** Records after {@code afterId} in id order, for walking the whole table in batches. */
    public Uni<List<CreditBalance>> batchAfter(long afterId, int size) {
        return find("id > ?1", Sort.by("id"), afterId).range(0, size - 1).list();
    }

    private static Where where(CreditBalanceFilter filter) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.center() != null) {
            clauses.add("center = :center");
            params.and("center", filter.center());
        }
        if (filter.search() != null) {
            String term = searchTerm(filter.search());
            if (TRIGRAM.matcher(term).find()) {
                clauses.add("searchText like :search escape '\\'");
                params.and("search", contains(term));
            } else {
                // The trigram index cannot narrow a term like "ma": it would read its whole posting list. Worse, the
                // prepared LIKE statement's generic plan (PostgreSQL's after five runs) picked that scan for every
                // term, 1.4 ms instead of 0.25. A separate statement, which the index cannot serve, keeps both plans
                // sane.
                clauses.add("locate(:search, searchText) > 0");
                params.and("search", term);
            }
        }
        if (filter.treatmentName() != null) {
            clauses.add("lower(treatmentName) like :treatment escape '\\'");
            params.and("treatment", contains(searchTerm(filter.treatmentName())));
        }
        if (filter.finalBucket() != null) {
            clauses.add("lower(finalBucket) = :bucket");
            params.and("bucket", filter.finalBucket().toLowerCase(Locale.ROOT));
        }
        if (filter.minBalance() != null) {
            clauses.add("balanceAmount >= :minBalance");
            params.and("minBalance", filter.minBalance());
        }
        String hql = clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
        return new Where(hql, params);
    }

    /**
     * The search term as searchText holds text: lowercase, without control characters (searchText joins its fields
     * with one, so a term keeping it could match across two fields).
     */
    private static String searchTerm(String text) {
        return CONTROL.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** A "contains" pattern of a lowercase term in which the user's % and _ are literal. */
    private static String contains(String term) {
        String escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private record Where(String hql, Parameters params) {}
}
