package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.debtor.repository.DebtorReportRepository;
import com.clinicsuite.debtor.repository.ExportFilter;
import com.clinicsuite.debtor.repository.ExportRow;
import com.clinicsuite.documents.DocumentsConfig;
import com.clinicsuite.documents.RandFormat;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The printed debtor lists ({@code download-pdf}): the age analysis ({@code layout: list}) and the overdue accounts
 * staff must phone or write to because they have neither an e-mail address nor a phone number
 * ({@code layout: missing_contacts}). Both print what was selected and from which report, laid out by
 * {@link DebtorPdf}.
 */
@ApplicationScoped
public class PrintedLists {

    /** Column keys {@code col_names} may rename, besides the bucket keys. */
    public static final List<String> TEXT_COLUMNS =
            List.of("acc_no", "name", "balance", "phone", "overdue", "last_payment", "notes");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);

    // built inside a method answering a JAX-RS Response, where NativeReadinessContract cannot tell it from an answer
    @RegisterForReflection
    public enum Layout {
        LIST("list"),
        MISSING_CONTACTS("missing_contacts");

        public final String key;

        Layout(String key) {
            this.key = key;
        }
    }

    /**
     * What to print. Null fields do not filter.
     *
     * @param buckets   keep debtors with an amount in any of them; the list's bucket columns (all seven if empty)
     * @param headings  column key to the heading to print instead of the default
     */
    // built inside a method answering a JAX-RS Response, where NativeReadinessContract cannot tell it from an answer
    @RegisterForReflection
    public record Request(
            Layout layout,
            List<Long> debtorIds,
            List<AgeingBucket> buckets,
            BigDecimal minBalance,
            boolean excludeMedicalAid,
            Map<String, String> headings) {}

    private final DebtorExports exports;
    private final DebtorReportRepository reports;
    private final ZoneId zone;

    public PrintedLists(DebtorExports exports, DebtorReportRepository reports, DocumentsConfig documents) {
        this.exports = exports;
        this.reports = reports;
        this.zone = documents.timeZone();
    }

    /** The PDF: 404 for an unknown pharmacy, 422 for too many ids or rows ({@link DebtorExports}). */
    public Uni<byte[]> pdf(long pharmacyId, Request request) {
        return exports.open(pharmacyId, filter(request))
                .chain(export -> report(export)
                        .chain(report -> exports.pdf(
                                export,
                                rows -> DebtorPdf.render(document(export.pharmacyName(), report, rows, request)))));
    }

    static ExportFilter filter(Request r) {
        if (r.layout() == Layout.MISSING_CONTACTS) {
            // overdue: arrears (60 days and older) above zero, or above the minimum asked for
            BigDecimal min = r.minBalance() == null || r.minBalance().signum() < 0 ? BigDecimal.ZERO : r.minBalance();
            return new ExportFilter(min, r.buckets(), r.excludeMedicalAid(), r.debtorIds(), true);
        }
        return new ExportFilter(r.minBalance(), r.buckets(), r.excludeMedicalAid(), r.debtorIds());
    }

    private Uni<DebtorReport> report(DebtorExports.Export export) {
        return export.reportId() == null
                ? Uni.createFrom().nullItem()
                : Panache.withSession(() -> reports.findById(export.reportId()));
    }

    DebtorPdf.Document document(String pharmacyName, DebtorReport report, List<ExportRow> rows, Request r) {
        boolean missing = r.layout() == Layout.MISSING_CONTACTS;
        List<DebtorPdf.Column> columns = new ArrayList<>();
        columns.add(DebtorPdf.Column.text(heading(r, "acc_no", "Account No"), ExportRow::accNo));
        columns.add(DebtorPdf.Column.wrapping(heading(r, "name", "Name"), ExportRow::name));
        if (missing) {
            columns.add(DebtorPdf.Column.amount(heading(r, "overdue", "Overdue (60+ days)"), ExportRow::arrears));
            columns.add(DebtorPdf.Column.amount(heading(r, "balance", "Balance"), ExportRow::balance));
            columns.add(DebtorPdf.Column.text(heading(r, "last_payment", "Last payment"), PrintedLists::lastPayment));
            columns.add(DebtorPdf.Column.wrapping(heading(r, "notes", "Notes"), d -> ""));
        } else {
            List<AgeingBucket> buckets = r.buckets().isEmpty() ? List.of(AgeingBucket.values()) : r.buckets();
            for (AgeingBucket b : buckets) {
                columns.add(DebtorPdf.Column.amount(heading(r, b.key(), b.heading()), d -> d.amount(b)));
            }
            columns.add(DebtorPdf.Column.amount(heading(r, "balance", "Balance"), ExportRow::balance));
            columns.add(DebtorPdf.Column.text(heading(r, "phone", "Phone"), d -> d.phone() == null ? "" : d.phone()));
        }
        String title = missing ? "Overdue accounts without an e-mail address or phone number" : "Debtors age analysis";
        return new DebtorPdf.Document(
                pharmacyName,
                title,
                about(report, rows.size(), r),
                columns,
                rows,
                "Totals (" + accounts(rows.size()) + ")");
    }

    /** The lines under the title: where the balances come from, what was selected, when it was printed. */
    private List<String> about(DebtorReport report, int count, Request r) {
        List<String> lines = new ArrayList<>();
        if (report == null) {
            lines.add("No report has been applied yet.");
        } else {
            String uploaded = (report.filename == null ? "uploaded " : report.filename + ", uploaded ")
                    + TIME.format(report.uploadedAt.atZoneSameInstant(zone));
            lines.add(
                    report.reportDate == null
                            ? "Balances from the report " + uploaded + "."
                            : "Balances as at " + DATE.format(report.reportDate) + " (report " + uploaded + ").");
        }
        List<String> selection = new ArrayList<>();
        if (r.layout() == Layout.MISSING_CONTACTS) {
            selection.add("overdue accounts (an amount 60 days or older) with neither an e-mail address nor a phone"
                    + " number, to phone from your own records or to write to");
        }
        selection.add(
                r.debtorIds() == null ? "all accounts" : accounts(r.debtorIds().size()) + " chosen by hand");
        if (!r.buckets().isEmpty()) {
            selection.add("with an amount in "
                    + r.buckets().stream()
                            .map(b -> heading(r, b.key(), b.heading()))
                            .collect(Collectors.joining(" or ")));
        }
        if (r.minBalance() != null
                && (r.layout() == Layout.LIST || r.minBalance().signum() > 0)) {
            selection.add("overdue (60 days and older) above " + RandFormat.format(r.minBalance()));
        }
        selection.add(
                r.excludeMedicalAid()
                        ? "medical-aid control accounts left out"
                        : "medical-aid control accounts included");
        lines.add("Selection: " + String.join("; ", selection) + ".");
        lines.add(accounts(count) + " listed. Printed " + TIME.format(ZonedDateTime.now(zone)) + ".");
        return lines;
    }

    private static String lastPayment(ExportRow d) {
        if (d.lastPaymentDate() == null && d.lastPaymentAmount() == null) {
            return "";
        }
        String amount = d.lastPaymentAmount() == null ? "" : RandFormat.format(d.lastPaymentAmount());
        String date = d.lastPaymentDate() == null ? "" : shortDate(d.lastPaymentDate());
        return amount.isEmpty() ? date : date.isEmpty() ? amount : amount + " on " + date;
    }

    private static String shortDate(LocalDate date) {
        return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(date);
    }

    private static String heading(Request r, String key, String fallback) {
        String custom = r.headings() == null ? null : r.headings().get(key);
        return custom == null || custom.isBlank() ? fallback : custom;
    }

    private static String accounts(int n) {
        return n == 1
                ? "1 account"
                : String.format(Locale.ROOT, "%,d accounts", n).replace(',', ' ');
    }
}
