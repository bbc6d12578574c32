package com.clinicsuite.credit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class ApiLogRepository implements PanacheRepository<ApiLog> {

    /** Newest first, and the number of all matches. */
    public Uni<Page<ApiLog>> page(ApiLogFilter filter, int skip, int limit) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.userName() != null) {
            clauses.add("userName = :user");
            params.and("user", filter.userName());
        }
        if (filter.endpoint() != null) {
            clauses.add("lower(endpoint) like :endpoint escape '\\'");
            params.and(
                    "endpoint",
                    "%"
                            + filter.endpoint()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_")
                            + "%");
        }
        if (filter.from() != null) {
            clauses.add("loggedAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            clauses.add("loggedAt < :to");
            params.and("to", filter.to());
        }
        String hql = clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
        return find(hql, Sort.descending("loggedAt", "id"), params)
                .range(skip, skip + limit - 1)
                .list()
                .chain(items -> count(hql, params).map(total -> new Page<>(items, total)));
    }
}
