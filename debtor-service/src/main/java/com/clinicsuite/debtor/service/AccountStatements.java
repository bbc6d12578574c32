package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.repository.Debtor;
import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.debtor.repository.DebtorReportRepository;
import com.clinicsuite.debtor.repository.DebtorRepository;
import com.clinicsuite.debtor.repository.Language;
import com.clinicsuite.debtor.repository.ReminderCandidates.Candidate;
import com.clinicsuite.documents.DocumentLanguage;
import com.clinicsuite.documents.DocumentsConfig;
import com.clinicsuite.documents.Statement;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.web.errors.NotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statements of account: one debtor of the current report, with the pharmacy's letterhead, printed by
 * platform-documents' {@code StatementPdf} (here for {@code GET .../statement}; notification-service prints the
 * same document for e-mail attachments from {@link #eventData}).
 */
@ApplicationScoped
public class AccountStatements {

    private final PharmacyDirectory directory;
    private final DebtorRepository debtors;
    private final DebtorReportRepository reports;
    private final PharmacyLetterheads letterheads;
    private final AccountLanguages languages;
    private final ZoneId zone;

    public AccountStatements(
            PharmacyDirectory directory,
            DebtorRepository debtors,
            DebtorReportRepository reports,
            PharmacyLetterheads letterheads,
            AccountLanguages languages,
            DocumentsConfig documents) {
        this.directory = directory;
        this.debtors = debtors;
        this.reports = reports;
        this.letterheads = letterheads;
        this.languages = languages;
        this.zone = documents.timeZone();
    }

    /**
     * The language an account's statements print in: the requested one, else the account's (contact preferences),
     * else the pharmacy's {@code default_language} ({@link AccountLanguages}). Needs a session.
     */
    public Uni<String> language(long pharmacyId, String accNo, String requested) {
        return requested != null
                ? Uni.createFrom().item(DocumentLanguage.of(requested).code)
                : languages.of(pharmacyId, accNo).map(Language::code);
    }

    /** The statement of one debtor of the pharmacy; 404 for an unknown pharmacy or debtor. */
    @WithSession
    public Uni<Statement> statement(long pharmacyId, long debtorId, String requestedLanguage) {
        return directory
                .require(pharmacyId)
                .chain(pharmacy -> debtors.findInPharmacy(pharmacyId, debtorId)
                        .onItem()
                        .ifNull()
                        .failWith(() -> new NotFound("Debtor " + debtorId + " not found"))
                        .chain(debtor -> reportDate(debtor)
                                .chain(reportDate -> letterheads
                                        .of(pharmacy)
                                        .chain(letterhead -> language(pharmacyId, debtor.accNo, requestedLanguage)
                                                .map(language -> new Statement(
                                                        letterhead,
                                                        debtor.name,
                                                        debtor.accNo,
                                                        debtor.email,
                                                        debtor.phone,
                                                        reportDate,
                                                        LocalDate.now(zone),
                                                        ageing(debtor),
                                                        language))))));
    }

    /**
     * What a reminder event carries for notification-service to print the same statement as an e-mail attachment
     * (it adds the letterhead from its own settings), in the reminder's language (the account's, else the
     * pharmacy's, as {@link #language} decides it). Needs a session.
     */
    public Uni<ReminderRequested.StatementOfAccount> eventData(Debtor d, Language language) {
        return reportDate(d)
                .map(reportDate -> new ReminderRequested.StatementOfAccount(
                        reportDate,
                        language.code(),
                        d.email,
                        d.phone,
                        d.current,
                        d.d30,
                        d.d60,
                        d.d90,
                        d.d120,
                        d.d150,
                        d.d180,
                        d.balance));
    }

    /**
     * What a policy run's e-mail reminder carries to attach the account's statement: the same data as
     * {@link #eventData(Debtor, Language)}, from the row the run read ({@code reportDate} from {@link #reportDates}).
     */
    public static ReminderRequested.StatementOfAccount eventData(Candidate c, LocalDate reportDate, Language language) {
        Map<AgeingBucket, BigDecimal> a = c.amounts();
        return new ReminderRequested.StatementOfAccount(
                reportDate,
                language.code(),
                c.email(),
                c.phone(),
                a.get(AgeingBucket.CURRENT),
                a.get(AgeingBucket.D30),
                a.get(AgeingBucket.D60),
                a.get(AgeingBucket.D90),
                a.get(AgeingBucket.D120),
                a.get(AgeingBucket.D150),
                a.get(AgeingBucket.D180),
                c.balance());
    }

    /**
     * The balances' date of each of these reports ({@link #dateOf}), read in one query; a policy run's accounts
     * all come from the pharmacy's current report. Needs a session.
     */
    public Uni<Map<Long, LocalDate>> reportDates(Collection<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return reports.list("id in ?1", List.copyOf(reportIds)).map(found -> {
            Map<Long, LocalDate> dates = new HashMap<>();
            for (DebtorReport report : found) {
                dates.put(report.id, dateOf(report));
            }
            return dates;
        });
    }

    /**
     * The date of the debtor's balances ({@link #dateOf}). Reports of one request are read once (the session keeps
     * them). Needs a session.
     */
    private Uni<LocalDate> reportDate(Debtor debtor) {
        return reports.findById(debtor.reportId).map(this::dateOf);
    }

    /** The date printed on the report, else the day it was uploaded; null without a report. */
    private LocalDate dateOf(DebtorReport report) {
        if (report == null) {
            return null;
        }
        return report.reportDate != null
                ? report.reportDate
                : report.uploadedAt.atZoneSameInstant(zone).toLocalDate();
    }

    static Statement.Ageing ageing(Debtor d) {
        return new Statement.Ageing(d.current, d.d30, d.d60, d.d90, d.d120, d.d150, d.d180, d.balance);
    }
}
