package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads of the current debtors. Every query is bounded to one pharmacy (indexes lead with pharmacy_id). */
@ApplicationScoped
public class DebtorRepository implements PanacheRepository<Debtor> {

    /** The list's order: largest balance first, acc_no to make pages stable. */
    public static final Sort LIST_ORDER = Sort.descending("balance").and("accNo", Sort.Direction.Ascending);

    /** How many debtors the filter selects (the list's {@code total}). */
    public Uni<Long> count(long pharmacyId, DebtorFilter filter) {
        Query query = Query.of(pharmacyId, filter);
        return count(query.where, query.parameters);
    }

    /** One page (1-based) of the debtors the filter selects, in list order, as read-only projections. */
    public Uni<List<DebtorRow>> page(long pharmacyId, DebtorFilter filter, int page, int perPage) {
        Query query = Query.of(pharmacyId, filter);
        return find(query.where, LIST_ORDER, query.parameters)
                .page(Page.of(page - 1, perPage))
                .project(DebtorRow.class)
                .list();
    }

    public Uni<Debtor> findInPharmacy(long pharmacyId, long debtorId) {
        return find("id = ?1 and pharmacyId = ?2", debtorId, pharmacyId).firstResult();
    }

    public Uni<List<Debtor>> findInPharmacy(long pharmacyId, Collection<Long> debtorIds) {
        return list("pharmacyId = ?1 and id in ?2", pharmacyId, debtorIds);
    }

    /** HQL of a filter. Column names come from {@link AgeingBucket}, values only from parameters. */
    private record Query(String where, Parameters parameters) {

        static Query of(long pharmacyId, DebtorFilter filter) {
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
            if (filter.search() != null && !filter.search().isBlank()) {
                clauses.add("(lower(accNo) like :search escape '\\' or lower(name) like :search escape '\\'"
                        + " or lower(email) like :search escape '\\' or lower(phone) like :search escape '\\'"
                        + " or phoneDigits like :search escape '\\')");
                parameters.and("search", "%" + escapeLike(filter.search().trim().toLowerCase(Locale.ROOT)) + "%");
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
            return new Query(String.join(" and ", clauses), parameters);
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
