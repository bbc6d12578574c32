package com.clinicsuite.imports.credit.service;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.imports.CreditRowsChunk;
import com.clinicsuite.imports.credit.config.CreditImportConfig;
import com.clinicsuite.imports.credit.parse.CreditRow;
import com.clinicsuite.imports.credit.parse.CreditSheet;
import com.clinicsuite.imports.credit.repository.CreditImportJob;
import com.clinicsuite.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Hands an import's validated rows to credit-balance-service: the rows go out as {@link CreditRowsChunk} events
 * (keyed by import id, so they stay in order) written to the outbox in the same transaction that moves the job to
 * {@code applying}. Either the job is applying and every chunk will be sent, or nothing happened.
 */
@ApplicationScoped
public class CreditRowsPublisher {

    private final Outbox outbox;
    private final CreditImportJobs jobs;
    private final int chunkRows;

    public CreditRowsPublisher(Outbox outbox, CreditImportJobs jobs, CreditImportConfig config) {
        this.outbox = outbox;
        this.jobs = jobs;
        this.chunkRows = config.chunkRows();
    }

    public Uni<CreditImportJob> publish(CreditImportJob job, CreditSheet sheet) {
        List<CreditRow> rows = sheet.rows();
        int chunkCount = (rows.size() + chunkRows - 1) / chunkRows;
        // One chunk built and serialised at a time (the outbox lets go of each event once written): memory stays
        // at the parsed rows plus one chunk, however large the sheet
        return Panache.withTransaction(() -> Multi.createFrom().range(0, chunkCount)
                .onItem().transformToUniAndConcatenate(
                        i -> outbox.publish(EventCatalog.CREDIT_ROWS_CHUNK, job.id, chunk(job, rows, i, chunkCount)))
                .collect().last()
                .chain(() -> jobs.recordValidation(job.id, sheet, ImportStatus.APPLYING)));
    }

    private CreditRowsChunk chunk(CreditImportJob job, List<CreditRow> rows, int index, int count) {
        List<CreditRowsChunk.Row> slice = rows.subList(index * chunkRows, Math.min(rows.size(), (index + 1) * chunkRows))
                .stream().map(CreditRowsPublisher::toEvent).toList();
        return new CreditRowsChunk(job.id, job.mode, job.requestedBy, index, count, rows.size(), slice);
    }

    private static CreditRowsChunk.Row toEvent(CreditRow row) {
        return new CreditRowsChunk.Row(row.sourceRow(), row.sheet(), row.clientCode(), row.clientName(), row.phone(),
                row.emailId(), row.treatmentName(), row.center(), row.finalBucket(), row.packageAmount(),
                row.amountPaid(), row.balanceAmount(), row.prepaidGiftCardBalance(), row.sessionsPaid(),
                row.sessionsConsumed(), row.balanceSessions());
    }
}
