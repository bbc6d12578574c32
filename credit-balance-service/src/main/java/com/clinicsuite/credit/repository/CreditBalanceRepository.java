package com.clinicsuite.credit.repository;

import com.clinicsuite.outbox.SqlDialect;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
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

    /**
     * The change version and the records of all centers, or of one ({@link #changeVersion}). Cast to BIGINT: SUM of a
     * BIGINT is a NUMERIC on PostgreSQL, a BIGINT on SQL Server.
     */
    private static final String VERSION = "select cast(coalesce(sum(version), 0) as bigint),"
            + " cast(coalesce(sum(records), 0) as bigint) from credit_center_totals";

    private final boolean trigramIndex;
    private final Pool pool;
    private final String versionOfAll;
    private final String versionOfCenter;

    public CreditBalanceRepository(SqlDialect dialect, Pool pool) {
        // PostgreSQL has the trigram index (V6); SQL Server scans its narrow (center, id) INCLUDE (search_text) index
        this.trigramIndex = dialect.isPostgresql();
        this.pool = pool;
        this.versionOfAll = VERSION;
        this.versionOfCenter = dialect.placeholders(VERSION + " where center = $1");
    }

    /**
     * One page of matches in id order, as views: nothing enters the session, nothing to dirty-check or flush.
     * <p>
     * With a search term the way to the page is chosen from the exact number of matches (counted before, cached)
     * rather than left to PostgreSQL's estimate of a LIKE '%term%', which is often far off: walking the scope in
     * id order and testing each record reads about (skip + limit) x records / matches rows, asking the trigram index
     * for every match and sorting them reads the matches. Measured at 100,000 records, the planner walked all of a
     * center's records (1,035 buffers) for a term with 58 matches, and sorted 602 matches (3,399 buffers) where the
     * walk needed 127. Each form below leaves PostgreSQL one sensible plan: "id + 0" cannot be read from an index
     * in order, so the matches come from the trigram index; locate() cannot use that index and is estimated to
     * match a third of the rows, so the scope is walked in id order and the walk stops after the page.
     *
     * @param matches      the exact number of records the filter matches (X-Total-Count)
     * @param scopeRecords the number of records in the filter's center scope (all centers: all records)
     */
    public Uni<List<CreditBalanceView>> pageItems(
            CreditBalanceFilter filter, int skip, int limit, long matches, long scopeRecords) {
        boolean fromIndex = trigramIndex && matches * matches <= (long) (skip + limit) * scopeRecords;
        Where where = where(filter, fromIndex);
        String order = where.byTrigrams() ? " order by c.id + 0" : " order by c.id";
        return getSession().chain(session -> {
            var query = session.createSelectionQuery(
                    CreditBalanceView.SELECT + "where " + where.hql() + order, CreditBalanceView.class);
            where.params().map().forEach(query::setParameter);
            return query.setFirstResult(skip).setMaxResults(limit).getResultList();
        });
    }

    /** The change version of a center scope and how many records it holds; see {@link #changeVersion}. */
    public record Scope(long version, long records) {}

    /**
     * The change version of the records {@code center} holds (null: of all records), and their number. The totals
     * triggers move a center's version in the transaction of every change to its records (migration V6), whoever
     * makes it: this replica, another one, an import or an operator's SQL. Versions only grow, so their sum over all
     * centers does too.
     * <p>
     * Read on every list request, so it is a prepared statement of the reactive SQL client (the pool Hibernate
     * Reactive uses, one connection borrowed for the statement and given back), not a Hibernate native query: a
     * native query's text is looked up in Hibernate's query interpretation cache on every call, and that lookup
     * ({@code SelectInterpretationsKey.equals}) alone was 8 % of the service's CPU in a profile of the credit search
     * at 100,000 records. Autocommit, read committed: the same snapshot rules as the session's statement before.
     */
    public Uni<Scope> changeVersion(String center) {
        Uni<RowSet<Row>> rows = center == null
                ? pool.preparedQuery(versionOfAll).execute()
                : pool.preparedQuery(versionOfCenter).execute(Tuple.of(center));
        return rows.map(set -> {
            Row row = set.iterator().next();
            return new Scope(row.getLong(0), row.getLong(1));
        });
    }

    /**
     * The number of all matches of {@code filter} (which holds the caller's center scope). Cached by the service's
     * TotalsCache per filter and the change version of that scope ({@link #changeVersion}, read before counting).
     */
    public Uni<Long> countMatching(CreditBalanceFilter filter) {
        Where where = where(filter, trigramIndex); // every match is needed: the index finds them best
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

    /** Totals per center; {@code center} empty means all centers. Cached by the service's TotalsCache. */
    public Uni<List<CenterTotals>> totalsByCenter(String center) {
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

    /** The filter as HQL; {@code fromIndex}: a search term of 3+ letters or digits as a LIKE the index serves. */
    private static Where where(CreditBalanceFilter filter, boolean fromIndex) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        boolean byTrigrams = false;
        if (filter.center() != null) {
            clauses.add("center = :center");
            params.and("center", filter.center());
        }
        if (filter.search() != null) {
            String term = searchTerm(filter.search());
            if (fromIndex && TRIGRAM.matcher(term).find()) {
                clauses.add("searchText like :search escape '\\'");
                params.and("search", contains(term));
                byTrigrams = true;
            } else {
                // The trigram index cannot narrow a term like "ma": it would read its whole posting list. Worse, the
                // prepared LIKE statement's generic plan (PostgreSQL's after five runs) picked that scan for every
                // term, 1.4 ms instead of 0.25. A separate statement, which the index cannot serve, keeps both plans
                // sane. Frequent longer terms take this form too (see pageItems).
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
        return new Where(hql, params, byTrigrams);
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

    private record Where(String hql, Parameters params, boolean byTrigrams) {}
}
