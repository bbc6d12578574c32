package com.clinicsuite.imports.credit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class CreditImportJobRepository implements PanacheRepositoryBase<CreditImportJob, String> {

    public Uni<List<CreditImportJob>> newestFirst(int skip, int limit) {
        return findAll(Sort.descending("createdAt").and("id"))
                .range(skip, skip + limit - 1)
                .list();
    }

    /** The errors of these jobs, in the order they were found. */
    public Uni<List<CreditImportJobError>> errorsOf(Collection<String> importIds) {
        if (importIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return CreditImportJobError.<CreditImportJobError>find("importId in ?1", Sort.ascending("id"), importIds)
                .list();
    }
}
