package com.clinicsuite.imports.debtors.repository;

import com.clinicsuite.vocabulary.ReportSource;
import com.clinicsuite.vocabulary.ReportStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
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

    /** Ids of uploads still processing that were received before {@code deadline}, oldest first. */
    public Uni<List<String>> processingSince(OffsetDateTime deadline, int limit) {
        return find("status = ?1 and createdAt < ?2", Sort.ascending("createdAt"), ReportStatus.PROCESSING, deadline)
                .page(0, limit)
                .list()
                .map(found -> found.stream().map(u -> u.id).toList());
    }

    /**
     * Fails those of {@code ids} that are still processing since before {@code deadline} (the watchdog's conditional
     * end: an upload that got its answer meanwhile is not touched); how many it failed.
     */
    public Uni<Integer> failIfProcessingSince(
            List<String> ids, OffsetDateTime deadline, String reason, OffsetDateTime now) {
        return update(
                "status = ?1, error = ?2, finishedAt = ?3 where id in ?4 and status = ?5 and createdAt < ?6",
                ReportStatus.FAILED,
                reason,
                now,
                ids,
                ReportStatus.PROCESSING,
                deadline);
    }
}
