package com.clinicsuite.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    /** Newest first, optionally only one target type and/or one target. */
    public Uni<List<AuditEntry>> search(String targetType, String targetId, int skip, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (targetType != null) {
            where.add("targetType = :targetType");
            params.and("targetType", targetType);
        }
        if (targetId != null) {
            where.add("targetId = :targetId");
            params.and("targetId", targetId);
        }
        Sort newestFirst = Sort.descending("occurredAt").and("id", Sort.Direction.Descending);
        var query = where.isEmpty() ? findAll(newestFirst) : find(String.join(" and ", where), newestFirst, params);
        // skip is an offset, not a page number: range() takes it as is
        return query.range(skip, skip + limit - 1).list();
    }
}
