package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.debtor.repository.DebtorReportRepository;
import com.clinicsuite.debtor.repository.MovementSummary;
import com.clinicsuite.debtor.repository.ReportSnapshots;
import com.clinicsuite.debtor.repository.ReportSnapshots.AccountMovement;
import com.clinicsuite.debtor.repository.ReportSnapshots.MovementFilter;
import com.clinicsuite.vocabulary.ReportStatus;
import com.clinicsuite.web.errors.NotFound;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Movement between two completed reports and the per-report statistics history. The movement of a report against
 * its predecessor was computed once by its follow-up (a page is an index range read); any other pair is computed
 * from the two reports' snapshots per request.
 */
@ApplicationScoped
public class MovementQueries {

    /** The movement answer: the two reports, the summary, one page of accounts and how many the filter selects. */
    public record Movement(
            DebtorReport from, DebtorReport to, MovementSummary summary, long total, List<AccountMovement> accounts) {}

    private final PharmacyDirectory directory;
    private final DebtorReportRepository reports;
    private final ReportSnapshots snapshots;
    private final MovementCache cache;
    private final Clock clock;

    public MovementQueries(
            PharmacyDirectory directory,
            DebtorReportRepository reports,
            ReportSnapshots snapshots,
            MovementCache cache,
            Clock clock) {
        this.directory = directory;
        this.reports = reports;
        this.snapshots = snapshots;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * The movement from {@code fromId} to {@code toId} (null: the two latest completed reports). 404 when a report is
     * not the pharmacy's, 422 when one is not completed, when the pharmacy has fewer than two completed reports, or
     * when a report's accounts were not recorded (reports applied before movement existed, except the one current
     * then).
     */
    @WithSession
    public Uni<Movement> movement(
            long pharmacyId, Long fromId, Long toId, MovementFilter filter, int page, int perPage) {
        return directory.require(pharmacyId).chain(pharmacy -> {
            Uni<Movement> read = pair(pharmacyId, fromId, toId)
                    .chain(pair -> MovementSummary.<MovementSummary>find("toReportId", pair[1].id)
                            .firstResult()
                            .chain(stored -> stored != null && stored.fromReportId == pair[0].id
                                    ? storedMovement(pharmacyId, pair, stored, filter, page, perPage)
                                    : computedMovement(pharmacyId, pair, filter, page, perPage)));
            if (pharmacy.currentReportId == null) {
                return read;
            }
            return cache.get(
                    new MovementCache.Key(pharmacyId, pharmacy.currentReportId, fromId, toId, filter, page, perPage),
                    () -> read);
        });
    }

    private Uni<Movement> storedMovement(
            long pharmacyId,
            DebtorReport[] pair,
            MovementSummary summary,
            MovementFilter filter,
            int page,
            int perPage) {
        // without a search the summary's counts are the total: no count of the rows
        Uni<Long> count = filter.search() == null || filter.search().isBlank()
                ? Uni.createFrom().item(storedTotal(summary, filter))
                : snapshots.storedCount(pair[1].id, filter);
        return count.chain(total -> {
            Uni<List<AccountMovement>> rows = (long) (page - 1) * perPage >= total
                    ? Uni.createFrom().item(List.of())
                    : snapshots.storedPage(pharmacyId, pair[1].id, filter, page, perPage);
            return rows.map(accounts -> result(pair, summary, total, accounts));
        });
    }

    private static long storedTotal(MovementSummary s, MovementFilter filter) {
        Map<ReportSnapshots.Movement, Integer> counts = Map.of(
                ReportSnapshots.Movement.NEW, s.newCount,
                ReportSnapshots.Movement.CLEARED, s.clearedCount,
                ReportSnapshots.Movement.PAID_DOWN, s.paidDownCount,
                ReportSnapshots.Movement.INCREASED, s.increasedCount,
                ReportSnapshots.Movement.AGED, s.agedCount,
                ReportSnapshots.Movement.UNCHANGED, s.unchangedCount);
        return (filter.movements() == null || filter.movements().isEmpty()
                        ? counts.keySet().stream()
                        : filter.movements().stream().distinct())
                .mapToLong(counts::get)
                .sum();
    }

    private Uni<Movement> computedMovement(
            long pharmacyId, DebtorReport[] pair, MovementFilter filter, int page, int perPage) {
        long from = pair[0].id;
        long to = pair[1].id;
        return requireSnapshot(pair[0])
                .chain(() -> requireSnapshot(pair[1]))
                .chain(() -> snapshots.computedTotals(from, to))
                .map(totals -> ReportFollowUp.summary(pair[1], pair[0], totals, OffsetDateTime.now(clock)))
                .chain(summary -> snapshots
                        .computedCount(from, to, filter)
                        .chain(total -> snapshots
                                .computedPage(pharmacyId, from, to, filter, page, perPage)
                                .map(rows -> result(pair, summary, total, rows))));
    }

    private static Movement result(
            DebtorReport[] pair, MovementSummary summary, long total, List<AccountMovement> rows) {
        return new Movement(pair[0], pair[1], summary, total, rows);
    }

    private Uni<Void> requireSnapshot(DebtorReport report) {
        return snapshots.hasSnapshot(report.id).map(has -> {
            if (!has) {
                throw new UnprocessableEntityException(
                        "report",
                        "report " + report.id + " was applied before movement was recorded, or its follow-up is"
                                + " still running; compare later reports");
            }
            return null;
        });
    }

    /** [from, to]: the asked reports, checked, or the two latest completed ones. */
    private Uni<DebtorReport[]> pair(long pharmacyId, Long fromId, Long toId) {
        if (fromId == null && toId == null) {
            return reports.latestCompleted(pharmacyId, 2).map(latest -> {
                if (latest.size() < 2) {
                    throw new UnprocessableEntityException(
                            "to_report", "the pharmacy has fewer than two completed reports to compare");
                }
                return new DebtorReport[] {latest.get(1), latest.get(0)};
            });
        }
        Uni<DebtorReport> to = toId != null
                ? report(pharmacyId, toId, "to_report")
                : reports.latestCompleted(pharmacyId, 1).map(latest -> latest.isEmpty() ? null : latest.get(0));
        return to.chain(toReport -> {
            if (toReport == null) {
                throw new UnprocessableEntityException("to_report", "the pharmacy has no completed report");
            }
            Uni<DebtorReport> from =
                    fromId != null ? report(pharmacyId, fromId, "from_report") : reports.predecessor(toReport);
            return from.map(fromReport -> {
                if (fromReport == null) {
                    throw new UnprocessableEntityException(
                            "from_report", "report " + toReport.id + " has no completed report before it");
                }
                return new DebtorReport[] {fromReport, toReport};
            });
        });
    }

    private Uni<DebtorReport> report(long pharmacyId, long reportId, String field) {
        return reports.findById(reportId).map(r -> {
            if (r == null || r.pharmacyId != pharmacyId) {
                throw new NotFound("Report " + reportId + " not found for pharmacy " + pharmacyId);
            }
            if (r.status != ReportStatus.COMPLETED) {
                throw new UnprocessableEntityException(
                        field, "report " + reportId + " is " + r.status + ", not completed");
            }
            return r;
        });
    }

    /** One entry per completed report whose date is within [from, to] (either open), oldest first. */
    @WithSession
    public Uni<List<DebtorReport>> history(long pharmacyId, LocalDate from, LocalDate to) {
        return directory
                .require(pharmacyId)
                .chain(() -> reports.completed(pharmacyId))
                .map(all -> all.stream()
                        .filter(r ->
                                from == null || !ReportFollowUp.reportDate(r).isBefore(from))
                        .filter(r -> to == null || !ReportFollowUp.reportDate(r).isAfter(to))
                        .sorted(Comparator.comparing(ReportFollowUp::reportDate)
                                .thenComparing(r -> r.uploadedAt)
                                .thenComparing(r -> r.id))
                        .toList());
    }
}
