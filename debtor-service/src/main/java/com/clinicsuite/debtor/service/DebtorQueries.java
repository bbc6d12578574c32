package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.Communication;
import com.clinicsuite.debtor.repository.CommunicationRepository;
import com.clinicsuite.debtor.repository.Debtor;
import com.clinicsuite.debtor.repository.DebtorFilter;
import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.debtor.repository.DebtorReportRepository;
import com.clinicsuite.debtor.repository.DebtorRepository;
import com.clinicsuite.debtor.repository.DebtorRow;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

/** Read side of the debtors: list, statistics, reports history, communication history (exports: DebtorExports). */
@ApplicationScoped
public class DebtorQueries {

    private final PharmacyDirectory directory;
    private final DebtorRepository debtors;
    private final DebtorReportRepository reports;
    private final CommunicationRepository communications;
    private final DebtorListCache cache;

    public DebtorQueries(
            PharmacyDirectory directory,
            DebtorRepository debtors,
            DebtorReportRepository reports,
            CommunicationRepository communications,
            DebtorListCache cache) {
        this.directory = directory;
        this.debtors = debtors;
        this.reports = reports;
        this.communications = communications;
        this.cache = cache;
    }

    public record DebtorPage(long total, List<DebtorRow> debtors) {}

    /**
     * One page of the list and the filter's total, both cached per (pharmacy, current report, filter)
     * ({@link DebtorListCache}); a pharmacy without an applied report has no debtors, so nothing is queried.
     */
    @WithSession
    public Uni<DebtorPage> list(long pharmacyId, DebtorFilter filter, int page, int perPage) {
        return directory.require(pharmacyId).chain(pharmacy -> {
            if (pharmacy.currentReportId == null) {
                return Uni.createFrom().item(new DebtorPage(0, List.of()));
            }
            var selection = new DebtorListCache.Selection(pharmacyId, pharmacy.currentReportId, filter);
            return cache.total(selection, () -> debtors.count(pharmacyId, filter))
                    .chain(total -> (long) (page - 1) * perPage >= total
                            ? Uni.createFrom().item(new DebtorPage(total, List.of()))
                            : cache.page(
                                            selection,
                                            page,
                                            perPage,
                                            () -> debtors.page(pharmacyId, filter, page, perPage))
                                    .map(rows -> new DebtorPage(total, rows)));
        });
    }

    /** The totals recorded when the current set was applied: one row read, whatever the pharmacy's size. */
    @WithSession
    public Uni<DebtorStatistics> statistics(long pharmacyId) {
        return directory
                .require(pharmacyId)
                .chain(pharmacy -> pharmacy.currentReportId == null
                        ? Uni.createFrom().item(DebtorStatistics.none())
                        : reports.findById(pharmacy.currentReportId)
                                .map(r -> new DebtorStatistics(
                                        r.totalAccounts,
                                        r.totalOutstanding,
                                        r.totalCurrent,
                                        r.totalD30,
                                        r.totalD60,
                                        r.totalD90,
                                        r.totalD120,
                                        r.totalD150,
                                        r.totalD180)));
    }

    @WithSession
    public Uni<List<DebtorReport>> reports(long pharmacyId) {
        return directory.require(pharmacyId).chain(() -> reports.history(pharmacyId));
    }

    public record AccountHistory(Debtor debtor, List<Communication> communications) {}

    @WithSession
    public Uni<AccountHistory> communications(long pharmacyId, long debtorId) {
        return directory
                .require(pharmacyId)
                .chain(() -> debtors.findInPharmacy(pharmacyId, debtorId))
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("Debtor " + debtorId + " not found"))
                .chain(debtor -> communications
                        .history(pharmacyId, debtor.accNo)
                        .map(history -> new AccountHistory(debtor, history)));
    }
}
