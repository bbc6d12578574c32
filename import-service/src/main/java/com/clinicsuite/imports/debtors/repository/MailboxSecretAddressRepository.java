package com.clinicsuite.imports.debtors.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MailboxSecretAddressRepository implements PanacheRepositoryBase<MailboxSecretAddress, Long> {

    public Uni<MailboxSecretAddress> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }
}
