package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.config.ExportConfig;
import com.clinicsuite.debtor.repository.DebtorExportQuery;
import com.clinicsuite.debtor.repository.ExportFilter;
import com.clinicsuite.debtor.repository.ExportRow;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * CSV and PDF exports, streamed: rows are read a page at a time ({@link DebtorExportQuery}) and written out as they
 * come, so memory holds one page whatever the pharmacy's size; the CSV is sent while it is read, and a slow client
 * slows the reading down instead of filling memory. What can fail because of the request (unknown pharmacy, too many
 * ids, a PDF too long) fails in {@link #open} and {@link #pdf} before a byte is sent, so it still answers JSON.
 */
@ApplicationScoped
public class DebtorExports {

    private final PharmacyDirectory directory;
    private final DebtorExportQuery query;
    private final ExportConfig config;

    public DebtorExports(PharmacyDirectory directory, DebtorExportQuery query, ExportConfig config) {
        this.directory = directory;
        this.query = query;
        this.config = config;
    }

    /** An export about to stream: the pharmacy's name and the report its rows belong to (null: no debtors yet). */
    public record Export(long pharmacyId, String pharmacyName, Long reportId, ExportFilter filter) {}

    /** 422 beyond the id cap, 404 for a pharmacy auth-service never announced. */
    @WithSession
    public Uni<Export> open(long pharmacyId, ExportFilter filter) {
        if (filter.debtorIds() != null) {
            if (filter.debtorIds().size() > config.maxDebtorIds()) {
                return Uni.createFrom()
                        .failure(new UnprocessableEntityException(
                                "debtor_ids",
                                "at most " + config.maxDebtorIds() + " debtors per export ("
                                        + filter.debtorIds().size()
                                        + " given); export in parts, or leave debtor_ids out to export"
                                        + " every debtor"));
            }
            if (filter.debtorIds().stream().anyMatch(Objects::isNull)) {
                return Uni.createFrom().failure(new UnprocessableEntityException("debtor_ids", "must not hold null"));
            }
        }
        return directory
                .require(pharmacyId)
                .map(pharmacy -> new Export(pharmacyId, pharmacy.name, pharmacy.currentReportId, filter));
    }

    /** The CSV file as text chunks: the header line, then one chunk per page of rows. */
    public Multi<String> csv(Export export) {
        return Multi.createBy()
                .concatenating()
                .streams(
                        Multi.createFrom().item(DebtorCsv.HEADER + "\r\n"),
                        pages(export).map(DebtorCsv::rows));
    }

    /**
     * A PDF of the selected rows: 422 when it would list more than {@code debtor.exports.pdf-max-rows} debtors;
     * otherwise the rows are read page by page and {@code render} lays the whole list out on a worker thread (a
     * printed list sizes its columns from their widest cell and prints the totals' width, so it needs every row
     * first; the cap bounds what is held: ~1 kB a row as plain records, ~10 MB at 10,000).
     */
    public Uni<byte[]> pdf(Export export, Function<List<ExportRow>, byte[]> render) {
        Executor worker = Infrastructure.getDefaultWorkerPool();
        Uni<Long> count = export.reportId() == null
                ? Uni.createFrom().item(0L)
                : Panache.withSession(() -> query.count(export.pharmacyId(), export.reportId(), export.filter()));
        return count.invoke(rows -> {
                    if (rows > config.pdfMaxRows()) {
                        throw new UnprocessableEntityException(
                                "debtor_ids",
                                "the PDF would list " + rows + " debtors; at most " + config.pdfMaxRows()
                                        + " fit in one: choose debtors (debtor_ids) or ageing buckets, or download"
                                        + " the CSV");
                    }
                })
                .chain(rows -> pages(export)
                        .collect()
                        .in(() -> new ArrayList<ExportRow>((int) (long) rows), List::addAll)
                        .emitOn(worker)
                        .map(render));
    }

    /**
     * The selected rows, page after page. Every page is read in a session of its own on the request's Vert.x
     * context, whichever thread asks for it (the HTTP writer, a PDF worker). After the last page the pharmacy's
     * current report is read again: if a replacement was committed meanwhile the export fails (the download is cut
     * off) rather than end early without saying so.
     */
    Multi<List<ExportRow>> pages(Export export) {
        if (export.reportId() == null) {
            return Multi.createFrom().empty();
        }
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("An export streams from the request's Vert.x context");
        }
        Executor onContext = command -> context.runOnContext(ignored -> command.run());
        int size = config.pageSize();
        AtomicReference<DebtorExportQuery.After> after = new AtomicReference<>();
        Multi<List<ExportRow>> pages = Multi.createBy()
                .repeating()
                .uni(() -> Uni.createFrom()
                        .deferred(() -> Panache.withSession(() ->
                                query.page(export.pharmacyId(), export.reportId(), export.filter(), after.get(), size)))
                        .runSubscriptionOn(onContext)
                        .invoke(page -> {
                            if (!page.isEmpty()) {
                                ExportRow last = page.get(page.size() - 1);
                                after.set(new DebtorExportQuery.After(last.balance(), last.accNo()));
                            }
                        }))
                .whilst(page -> page.size() == size)
                .select()
                .where(page -> !page.isEmpty());
        Uni<Void> unchanged = Uni.createFrom()
                .deferred(() -> Panache.withSession(() -> directory.require(export.pharmacyId())))
                .runSubscriptionOn(onContext)
                .invoke(pharmacy -> {
                    if (!Objects.equals(pharmacy.currentReportId, export.reportId())) {
                        throw new IllegalStateException("Pharmacy " + export.pharmacyId()
                                + "'s debtors were replaced during the export; it was cut off");
                    }
                })
                .replaceWithVoid();
        return Multi.createBy()
                .concatenating()
                .streams(pages, Multi.createFrom().uni(unchanged).map(nothing -> List.<ExportRow>of()));
    }
}
