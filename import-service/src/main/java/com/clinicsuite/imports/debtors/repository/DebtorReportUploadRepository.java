package com.clinicsuite.imports.debtors.repository;

import com.clinicsuite.vocabulary.ReportSource;
import com.clinicsuite.vocabulary.ReportStatus;
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
                        ReportStatus.COMPLETED)
                .firstResult();
    }

    /**
     * Whether a report of this message was handed over already. A message that only failed is not "seen": moved back
     * from the quarantine folder (or left behind by a failed move), it is read again.
     */
    public Uni<Boolean> messageImported(String messageId) {
        return count("mailMessageId = ?1 and status <> ?2", messageId, ReportStatus.FAILED)
                .map(n -> n > 0);
    }

    public Uni<List<DebtorReportUpload>> mailboxFailures(int limit) {
        return find(
                        "source = ?1 and status = ?2",
                        Sort.descending("createdAt"),
                        ReportSource.MAILBOX,
                        ReportStatus.FAILED)
                .page(0, limit)
                .list();
    }
}
