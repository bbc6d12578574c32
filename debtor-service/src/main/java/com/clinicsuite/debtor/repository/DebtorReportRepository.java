package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class DebtorReportRepository implements PanacheRepository<DebtorReport> {

    public Uni<DebtorReport> findByImportReportId(String importReportId) {
        return find("importReportId", importReportId).firstResult();
    }

    /** Newest first. */
    public Uni<List<DebtorReport>> history(long pharmacyId) {
        return list("pharmacyId", Sort.descending("uploadedAt").and("id", Sort.Direction.Descending), pharmacyId);
    }
}
