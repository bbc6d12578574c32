package com.clinicsuite.debtor.repository;

import com.clinicsuite.vocabulary.ReportStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
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

    /** The completed report before {@code report} in completion order, or null. */
    public Uni<DebtorReport> predecessor(DebtorReport report) {
        return find(
                        "pharmacyId = ?1 and status = ?2 and id <> ?3 and (completedAt < ?4 or (completedAt = ?4 and id < ?3))",
                        Sort.descending("completedAt").and("id", Sort.Direction.Descending),
                        report.pharmacyId,
                        ReportStatus.COMPLETED,
                        report.id,
                        report.completedAt)
                .firstResult();
    }

    /** The pharmacy's completed reports, oldest completion first. */
    public Uni<List<DebtorReport>> completed(long pharmacyId) {
        return list(
                "pharmacyId = ?1 and status = ?2",
                Sort.ascending("completedAt").and("id", Sort.Direction.Ascending),
                pharmacyId,
                ReportStatus.COMPLETED);
    }

    /** Completed reports whose follow-up is still to do, oldest completion first. */
    public Uni<List<DebtorReport>> awaitingFollowUp(int limit) {
        return find(
                        "status = ?1 and followedUpAt is null",
                        Sort.ascending("completedAt").and("id", Sort.Direction.Ascending),
                        ReportStatus.COMPLETED)
                .page(0, limit)
                .list();
    }

    /** The pharmacy's completed reports whose follow-up is still to do, oldest completion first. */
    public Uni<List<Long>> awaitingFollowUp(long pharmacyId) {
        return list(
                        "pharmacyId = ?1 and status = ?2 and followedUpAt is null",
                        Sort.ascending("completedAt").and("id", Sort.Direction.Ascending),
                        pharmacyId,
                        ReportStatus.COMPLETED)
                .map(reports -> reports.stream().map(r -> r.id).toList());
    }

    /** The pharmacy's latest {@code count} completed reports, newest first. */
    public Uni<List<DebtorReport>> latestCompleted(long pharmacyId, int count) {
        return find(
                        "pharmacyId = ?1 and status = ?2",
                        Sort.descending("completedAt").and("id", Sort.Direction.Descending),
                        pharmacyId,
                        ReportStatus.COMPLETED)
                .page(0, count)
                .list();
    }

    /** Reports still processing whose first chunk arrived before {@code deadline}, oldest first. */
    public Uni<List<DebtorReport>> processingStartedBefore(OffsetDateTime deadline, int limit) {
        return find(
                        "status = ?1 and startedAt < ?2",
                        Sort.ascending("startedAt").and("id", Sort.Direction.Ascending),
                        ReportStatus.PROCESSING,
                        deadline)
                .page(0, limit)
                .list();
    }

    /**
     * Fails the report if it is still processing since before {@code deadline} (the watchdog's conditional end: a
     * report that completed, or that another run ended, is not touched); 1 if it did, else 0.
     */
    public Uni<Integer> failIfProcessingSince(
            long reportId, OffsetDateTime deadline, String reason, OffsetDateTime now) {
        return update(
                "status = ?1, errorMessage = ?2, completedAt = ?3 where id = ?4 and status = ?5 and startedAt < ?6",
                ReportStatus.FAILED,
                reason,
                now,
                reportId,
                ReportStatus.PROCESSING,
                deadline);
    }

    /**
     * The report's status as the database holds it now. A bulk update such as {@link #failIfProcessingSince} bypasses
     * the entities already loaded in a session, so a caller that must see it reads the column again.
     */
    public Uni<ReportStatus> currentStatus(long reportId) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select r.status from DebtorReport r where r.id = :id", ReportStatus.class)
                        .setParameter("id", reportId)
                        .getSingleResult());
    }
}
