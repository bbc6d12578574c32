package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;

@ApplicationScoped
public class PharmacyRepository implements PanacheRepositoryBase<Pharmacy, Long> {

    /**
     * The pharmacy row, locked until the caller's transaction ends (SELECT ... FOR UPDATE on PostgreSQL,
     * WITH (UPDLOCK, HOLDLOCK, ROWLOCK) on SQL Server: Hibernate's dialect), or null for an unknown pharmacy. One
     * writer per pharmacy (issue 18.6): replacing its debtors and recording reminders (cool-down checked and recorded)
     * take it first, so two such transactions of one pharmacy run one after the other, on any replica.
     */
    public Uni<Pharmacy> lockForUpdate(long pharmacyId) {
        return getSession().chain(session -> session.find(Pharmacy.class, pharmacyId, LockMode.PESSIMISTIC_WRITE));
    }
}
