package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.config.DebtorListConfig;
import com.clinicsuite.debtor.repository.AccountFactsRepository;
import com.clinicsuite.debtor.repository.AccountNoteRepository;
import com.clinicsuite.debtor.repository.Communication;
import com.clinicsuite.debtor.repository.CommunicationRepository;
import com.clinicsuite.debtor.repository.ContactPreference;
import com.clinicsuite.debtor.repository.ContactPreferenceRepository;
import com.clinicsuite.debtor.repository.Debtor;
import com.clinicsuite.debtor.repository.DebtorFilter;
import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.debtor.repository.DebtorReportRepository;
import com.clinicsuite.debtor.repository.DebtorRepository;
import com.clinicsuite.debtor.repository.DebtorRow;
import com.clinicsuite.debtor.repository.PaymentPromise;
import com.clinicsuite.debtor.repository.PaymentPromiseRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read side of the debtors: list, statistics, reports history, communication history (exports: DebtorExports). */
@ApplicationScoped
public class DebtorQueries {

    /** More accounts with facts than this are not kept (about 100 bytes each): every page reads its facts. */
    static final int MAX_KEPT_FACT_ACCOUNTS = 2_000;

    private final PharmacyDirectory directory;
    private final DebtorRepository debtors;
    private final DebtorReportRepository reports;
    private final CommunicationRepository communications;
    private final DebtorListCache cache;
    private final AccountLookup accounts;
    private final ContactPreferenceRepository preferences;
    private final PaymentPromiseRepository promises;
    private final AccountNoteRepository notes;
    private final AccountFactsRepository facts;
    private final DebtorListConfig listConfig;

    public DebtorQueries(
            PharmacyDirectory directory,
            DebtorRepository debtors,
            DebtorReportRepository reports,
            CommunicationRepository communications,
            DebtorListCache cache,
            AccountLookup accounts,
            ContactPreferenceRepository preferences,
            PaymentPromiseRepository promises,
            AccountNoteRepository notes,
            AccountFactsRepository facts,
            DebtorListConfig listConfig) {
        this.directory = directory;
        this.debtors = debtors;
        this.reports = reports;
        this.communications = communications;
        this.cache = cache;
        this.accounts = accounts;
        this.preferences = preferences;
        this.promises = promises;
        this.notes = notes;
        this.facts = facts;
        this.listConfig = listConfig;
    }

    public record DebtorPage(long total, List<ListedDebtor> debtors) {}

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
            var selection = new DebtorListCache.Selection(
                    pharmacyId, pharmacy.currentReportId, pharmacy.collectionsVersion, filter);
            return cache.total(selection, () -> debtors.count(pharmacyId, filter))
                    .chain(total -> (long) (page - 1) * perPage >= total
                            ? Uni.createFrom().item(new DebtorPage(total, List.of()))
                            : cache.page(
                                            selection,
                                            page,
                                            perPage,
                                            () -> pageRows(selection, page, perPage, total)
                                                    .chain(rows -> withAccountFacts(selection, rows)))
                                    .map(rows -> new DebtorPage(total, rows)));
        });
    }

    /**
     * The rows of one page in list order. A search the trigram index serves with few enough matches
     * ({@code debtor.list.search-matches-kept}) reads its matches once, sorted, and keeps their ids: each of its pages
     * is then read by id (issue 23: the index's candidates are read and rechecked and all matches sorted for every
     * page otherwise, 5 ms at 1,400 matches). Any other filter reads its page in list order.
     */
    private Uni<List<DebtorRow>> pageRows(DebtorListCache.Selection selection, int page, int perPage, long total) {
        long pharmacyId = selection.pharmacyId();
        if (DebtorRepository.searchesByTrigrams(selection.filter()) && total <= listConfig.searchMatchesKept()) {
            return cache.searchMatches(
                            selection,
                            () -> debtors.matchingIds(pharmacyId, selection.filter())
                                    .map(DebtorListCache.SearchMatches::of))
                    .chain(matches -> debtors.byIds(pharmacyId, matches.page(page, perPage)));
        }
        return scopeRows(selection)
                .chain(scope -> debtors.page(pharmacyId, selection.filter(), page, perPage, total, scope));
    }

    /**
     * How many rows a walk of the pharmacy in list order would test for a search page (the pharmacy's debtors,
     * control accounts left out: close enough), counted once per report like any total; 0 (unused) without a search
     * the trigram index serves. See {@link DebtorRepository#page}.
     */
    private Uni<Long> scopeRows(DebtorListCache.Selection selection) {
        if (!DebtorRepository.searchesByTrigrams(selection.filter())) {
            return Uni.createFrom().item(0L);
        }
        var all = new DebtorListCache.Selection(
                selection.pharmacyId(), selection.reportId(), selection.collectionsVersion(), DebtorFilter.all());
        return cache.total(all, () -> debtors.count(selection.pharmacyId(), DebtorFilter.all()));
    }

    /**
     * The page's rows with their accounts' collections facts: three reads bounded by those of the page's accounts
     * that have any fact ({@link #accountsWithFacts}, cached per collections version), none when no account has one.
     */
    private Uni<List<ListedDebtor>> withAccountFacts(DebtorListCache.Selection selection, List<DebtorRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        long pharmacyId = selection.pharmacyId();
        return cache.accountsWithFacts(selection, () -> accountsWithFacts(pharmacyId))
                .chain(withFacts -> {
                    List<String> accNos = rows.stream()
                            .map(DebtorRow::accNo)
                            .filter(withFacts::mayHave)
                            .toList();
                    if (accNos.isEmpty()) {
                        return Uni.createFrom()
                                .item(rows.stream()
                                        .map(row -> listed(row, null, null, Map.of()))
                                        .toList());
                    }
                    return factsOf(pharmacyId, accNos, rows);
                });
    }

    private Uni<DebtorListCache.AccountsWithFacts> accountsWithFacts(long pharmacyId) {
        return facts.accountsWithFacts(pharmacyId, MAX_KEPT_FACT_ACCOUNTS)
                .map(accNos -> accNos.size() > MAX_KEPT_FACT_ACCOUNTS
                        ? new DebtorListCache.AccountsWithFacts(Set.of(), true)
                        : new DebtorListCache.AccountsWithFacts(Set.copyOf(accNos), false));
    }

    private Uni<List<ListedDebtor>> factsOf(long pharmacyId, List<String> accNos, List<DebtorRow> rows) {
        return preferences
                .byAccount(pharmacyId, accNos)
                .chain(prefs -> promises.openByAccount(pharmacyId, accNos)
                        .chain(open -> notes.countsByAccount(pharmacyId, accNos)
                                .map(counts -> rows.stream()
                                        .map(row -> listed(row, prefs.get(row.accNo()), open.get(row.accNo()), counts))
                                        .toList())));
    }

    private static ListedDebtor listed(
            DebtorRow row, ContactPreference pref, PaymentPromise open, Map<String, Long> notesCount) {
        return new ListedDebtor(
                row,
                open == null ? null : new ListedDebtor.OpenPromise(open.amount, open.dueDate),
                pref != null && pref.doNotContact,
                pref == null ? null : pref.language,
                notesCount.getOrDefault(row.accNo(), 0L));
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
        return accounts.require(pharmacyId, debtorId)
                .chain(debtor -> communications
                        .history(pharmacyId, debtor.accNo)
                        .map(history -> new AccountHistory(debtor, history)));
    }
}
