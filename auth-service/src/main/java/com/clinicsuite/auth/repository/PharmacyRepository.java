package com.clinicsuite.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PharmacyRepository implements PanacheRepositoryBase<Pharmacy, Long> {

    public Uni<Boolean> codeTaken(String code, Long exceptId) {
        return count("code = ?1 and id <> ?2", code, exceptId == null ? -1L : exceptId)
                .map(n -> n > 0);
    }

    public Uni<List<Pharmacy>> listByName() {
        return listAll(Sort.by("name").and("id"));
    }
}
