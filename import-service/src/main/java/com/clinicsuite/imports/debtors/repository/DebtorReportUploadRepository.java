package com.clinicsuite.imports.debtors.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class DebtorReportUploadRepository implements PanacheRepositoryBase<DebtorReportUpload, String> {

    /** The report debtor-service applied last for the pharmacy: what its debtors are now. */
    public Uni<DebtorReportUpload> latestApplied(long pharmacyId) {
        return find(
                        "pharmacyId = ?1 and status = ?2",
                        Sort.descending("finishedAt"),
                        pharmacyId,
                        DebtorReportUpload.COMPLETED)
                .firstResult();
    }

    public Uni<Boolean> messageSeen(String messageId) {
        return count("mailMessageId", messageId).map(n -> n > 0);
    }

    public Uni<List<DebtorReportUpload>> mailboxFailures(int limit) {
        return find(
                        "source = ?1 and status = ?2",
                        Sort.descending("createdAt"),
                        DebtorReportUpload.SOURCE_MAILBOX,
                        DebtorReportUpload.FAILED)
                .page(0, limit)
                .list();
    }
}
