package com.clinicsuite.debtor.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves {@code pharmacy.collections_version} on, in the caller's transaction, whenever something the debtor list
 * shows besides the debtor rows changes (notes, promises, contact preferences): the list cache's keys include it.
 */
@ApplicationScoped
public class CollectionsVersion {

    public Uni<Void> bump(long pharmacyId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "UPDATE pharmacy SET collections_version = collections_version + 1 WHERE id = :id")
                        .setParameter("id", pharmacyId)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
