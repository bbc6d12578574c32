package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads of the current debtors. Every query is bounded to one pharmacy (indexes lead with pharmacy_id). */
@ApplicationScoped
public class DebtorRepository implements PanacheRepository<Debtor> {

    /** The list's order: largest balance first, acc_no to make pages stable. */
    public static final Sort LIST_ORDER = Sort.descending("balance").and("accNo", Sort.Direction.Ascending);

    /**
     * The list's order as the trigram index's form of a search page writes it: {@code balance + 0} cannot be read
     * from debtor_by_balance in order, so PostgreSQL takes the matches from the trigram index and sorts them.
     */
    private static final Sort MATCHES_ORDER = Sort.descending("balance + 0")
            .and("accNo", Sort.Direction.Ascending)
            .disableEscaping();

    /** pg_trgm indexes runs of letters and digits: a term without three in a row gives it no trigram to look up. */
    private static final Pattern TRIGRAM = Pattern.compile("[\\p{L}\\p{N}]{3}");

    /** How many debtors the filter selects (the list's {@code total}): a search asks the trigram index (V9). */
    public Uni<Long> count(long pharmacyId, DebtorFilter filter) {
        Query query = Query.of(pharmacyId, filter, true);
        return count(query.where, query.parameters);
    }

    /**
     * One page (1-based) of the debtors the filter selects, in list order, as read-only projections.
     *
     * <p>A search's way to the page is chosen from the exact number of its matches (the list's total, counted and
     * cached before the page) rather than left to PostgreSQL's estimate of a LIKE '%term%': walking the pharmacy in
     * list order (debtor_by_balance) and testing each row reads about {@code (skip + per_page) x scopeRows / matches}
     * rows, taking the matches from the trigram index and sorting them reads the matches. So few matches
     * ({@code matches^2 <= (skip + per_page) x scopeRows}) come from the index, many from the walk, and a page reads
     * at most about {@code sqrt((skip + per_page) x scopeRows)} rows either way (the credit search's rule).
     *
     * @param matches   the filter's total (exact)
     * @param scopeRows how many rows the walk would test: the pharmacy's debtors (an estimate is enough)
     */
    public Uni<List<DebtorRow>> page(
            long pharmacyId, DebtorFilter filter, int page, int perPage, long matches, long scopeRows) {
        long rowsToPage = (long) page * perPage;
        boolean fromIndex = matches * matches <= rowsToPage * scopeRows;
        Query query = Query.of(pharmacyId, filter, fromIndex);
        return find(query.where, query.byTrigrams ? MATCHES_ORDER : LIST_ORDER, query.parameters)
                .page(Page.of(page - 1, perPage))
                .project(DebtorRow.class)
                .list();
    }

    /**
     * The ids of the debtors a search the trigram index serves selects, in list order: the matches are read from the
     * index and sorted once, so that every page of the search can then be read by id ({@link #byIds}).
     */
    public Uni<List<Long>> matchingIds(long pharmacyId, DebtorFilter filter) {
        Query query = Query.of(pharmacyId, filter, true);
        return find(query.where, MATCHES_ORDER, query.parameters)
                .project(DebtorId.class)
                .list()
                .map(ids -> ids.stream().map(DebtorId::id).toList());
    }

    /**
     * The pharmacy's debtors of these ids, in the order of {@code ids}; ids no longer current are left out. The
     * pharmacy is checked here, not in SQL: with it in the where clause PostgreSQL also reads the pharmacy's whole
     * posting list to AND it with the ids' (2 ms at 20,000 debtors, for nothing: the ids are the pharmacy's).
     */
    public Uni<List<DebtorRow>> byIds(long pharmacyId, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("id in ?1", ids).project(DebtorRow.class).list().map(rows -> {
            Map<Long, DebtorRow> byId = new HashMap<>();
            rows.stream().filter(row -> row.pharmacyId() == pharmacyId).forEach(row -> byId.put(row.id(), row));
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        });
    }

    /** Panache's projection of the id alone. */
    @RegisterForReflection
    public record DebtorId(Long id) {}

    /** Whether the filter has a search the trigram index can narrow (then {@link #page} wants the scope's size). */
    public static boolean searchesByTrigrams(DebtorFilter filter) {
        return filter.search() != null
                && !filter.search().isBlank()
                && TRIGRAM.matcher(searchTerm(filter.search())).find();
    }

    public Uni<Debtor> findInPharmacy(long pharmacyId, long debtorId) {
        return find("id = ?1 and pharmacyId = ?2", debtorId, pharmacyId).firstResult();
    }

    public Uni<List<Debtor>> findInPharmacy(long pharmacyId, Collection<Long> debtorIds) {
        return list("pharmacyId = ?1 and id in ?2", pharmacyId, debtorIds);
    }

    /**
     * The term as search_text holds text: trimmed, lowercase, without U+0001 (search_text joins the fields with it,
     * so a term keeping one could match across two fields; after the trim one can only be inside the term).
     */
    private static String searchTerm(String search) {
        return search.trim().toLowerCase(Locale.ROOT).replace("\u0001", "");
    }

    /**
     * HQL of a filter. Column names come from {@link AgeingBucket}, values only from parameters. The query texts are
     * a fixed set (one per combination of filters given), so Hibernate parses each once.
     *
     * @param byTrigrams the search is a LIKE on search_text, which the trigram index serves (when the term has a
     *     trigram); else locate(), which no index serves: PostgreSQL walks the pharmacy in the order asked for
     */
    private record Query(String where, Parameters parameters, boolean byTrigrams) {

        static Query of(long pharmacyId, DebtorFilter filter, boolean fromIndex) {
            List<String> clauses = new ArrayList<>();
            Parameters parameters = Parameters.with("pharmacyId", pharmacyId);
            clauses.add("pharmacyId = :pharmacyId");
            if (filter.excludeMedicalAid()) {
                clauses.add("medicalAidControl = false");
            }
            if (filter.minBalance() != null) {
                clauses.add("arrears > :minBalance");
                parameters.and("minBalance", filter.minBalance());
            }
            if (!filter.ageingBuckets().isEmpty()) {
                clauses.add(filter.ageingBuckets().stream()
                        .map(b -> b.field() + " <> 0")
                        .collect(Collectors.joining(" or ", "(", ")")));
            }
            if (filter.hasEmail() != null) {
                clauses.add(filter.hasEmail() ? "email is not null" : "email is null");
            }
            if (filter.hasPhone() != null) {
                clauses.add(filter.hasPhone() ? "phone is not null" : "phone is null");
            }
            boolean byTrigrams = false;
            if (filter.search() != null && !filter.search().isBlank()) {
                String term = searchTerm(filter.search());
                if (fromIndex && TRIGRAM.matcher(term).find()) {
                    // the trigram index (debtor_search, migration V9) finds the candidates
                    clauses.add("searchText like :search escape '\\'");
                    parameters.and("search", "%" + escapeLike(term) + "%");
                    byTrigrams = true;
                } else {
                    // a term without a trigram would read the index's every posting; a frequent one is found sooner
                    // by walking the list's order (see page): a test no index serves keeps PostgreSQL walking
                    clauses.add("locate(:search, searchText) > 0");
                    parameters.and("search", term);
                }
            }
            if (filter.doNotContact() != null) {
                clauses.add("accNo " + (filter.doNotContact() ? "in" : "not in")
                        + " (select c.accNo from ContactPreference c where c.pharmacyId = :pharmacyId"
                        + " and c.doNotContact = true)");
            }
            if (filter.hasOpenPromise() != null) {
                clauses.add("accNo " + (filter.hasOpenPromise() ? "in" : "not in")
                        + " (select p.accNo from PaymentPromise p where p.pharmacyId = :pharmacyId"
                        + " and p.status = 'open')");
            }
            if (filter.promiseStatus() != null) {
                // the account's latest promise (a newer promise replaces what an older one says)
                clauses.add("accNo in (select p.accNo from PaymentPromise p where p.pharmacyId = :pharmacyId"
                        + " and p.status = :promiseStatus and p.createdAt = (select max(q.createdAt)"
                        + " from PaymentPromise q where q.pharmacyId = p.pharmacyId and q.accNo = p.accNo))");
                parameters.and("promiseStatus", filter.promiseStatus());
            }
            return new Query(String.join(" and ", clauses), parameters, byTrigrams);
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
