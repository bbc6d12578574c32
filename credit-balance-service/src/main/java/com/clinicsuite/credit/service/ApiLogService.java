package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.ApiLog;
import com.clinicsuite.credit.repository.ApiLogFilter;
import com.clinicsuite.credit.repository.ApiLogRepository;
import com.clinicsuite.credit.repository.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reading the API log (admins only, enforced by the resource). */
@ApplicationScoped
public class ApiLogService {

    private final ApiLogRepository repository;

    public ApiLogService(ApiLogRepository repository) {
        this.repository = repository;
    }

    @WithSession
    public Uni<Page<ApiLog>> list(ApiLogFilter filter, int skip, int limit) {
        return repository.page(filter, skip, limit);
    }
}
