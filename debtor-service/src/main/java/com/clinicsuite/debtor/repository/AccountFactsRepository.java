package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Which of a pharmacy's accounts have any collections fact the debtor list shows: a contact preference, an open
 * payment promise or a note. Most accounts have none, so the list reads the facts only for the accounts of a page that
 * appear here (issue 23: a page of a pharmacy without facts costs one query instead of four).
 */
@ApplicationScoped
public class AccountFactsRepository {

    /** The accounts with any fact, at most {@code limit + 1} of them (more than {@code limit}: too many to keep). */
    public Uni<List<String>> accountsWithFacts(long pharmacyId, int limit) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select accNo from ContactPreference where pharmacyId = :pharmacyId"
                                        + " union select accNo from PaymentPromise where pharmacyId = :pharmacyId"
                                        + " and status = :open"
                                        + " union select accNo from AccountNote where pharmacyId = :pharmacyId",
                                String.class)
                        .setParameter("pharmacyId", pharmacyId)
                        .setParameter("open", PaymentPromise.OPEN)
                        .setMaxResults(limit + 1)
                        .getResultList());
    }
}
