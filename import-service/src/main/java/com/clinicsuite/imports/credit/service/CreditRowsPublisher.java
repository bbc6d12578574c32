package com.clinicsuite.imports.credit.service;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.imports.CreditImportAborted;
import com.clinicsuite.events.imports.CreditRowsChunk;
import com.clinicsuite.imports.credit.config.CreditImportConfig;
import com.clinicsuite.imports.credit.parse.CreditRow;
import com.clinicsuite.imports.credit.parse.CreditSheet;
import com.clinicsuite.imports.credit.repository.CreditImportJob;
import com.clinicsuite.imports.service.Blocking;
import com.clinicsuite.imports.service.ChunkBudget;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.outbox.ReactiveWork;
import com.clinicsuite.vocabulary.ImportStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Hands an import's validated rows to credit-balance-service as {@link CreditRowsChunk} events (keyed by import
 * id, so they stay in order), while the file is still being read: credit-balance-service stages chunk after chunk
 * meanwhile, and at most two chunks are held here (one being written while the next is read). Every full chunk is committed to the outbox on its own
 * (chunk_count 0: not known yet); the last chunk, which tells the count, goes in the same transaction that moves
 * the job to {@code applying}. An import that ends otherwise after chunks went out is called off with a
 * {@link CreditImportAborted}, so credit-balance-service drops what it staged: nothing is applied unless the whole
 * file was read.
 */
@ApplicationScoped
public class CreditRowsPublisher {

    private final Outbox outbox;
    private final CreditImportJobs jobs;
    private final ObjectMapper mapper;
    private final int chunkRows;
    private final long maxChunkBytes;

    private final Vertx vertx;

    public CreditRowsPublisher(
            Outbox outbox, CreditImportJobs jobs, ObjectMapper mapper, CreditImportConfig config, Vertx vertx) {
        this.outbox = outbox;
        this.jobs = jobs;
        this.mapper = mapper;
        this.chunkRows = config.chunkRows();
        this.maxChunkBytes = config.maxChunkBytes().asLongValue();
        this.vertx = vertx;
    }

    /** Starts publishing the rows of {@code job}; called from the import worker thread that reads the file. */
    public Publication start(CreditImportJob job) {
        return new Publication(job);
    }

    /**
     * Tells credit-balance-service an import will never get its last chunk, in the caller's transaction. Harmless
     * for an import of which nothing was published.
     */
    public Uni<Void> abort(String importId, String reason) {
        return outbox.publish(EventCatalog.CREDIT_IMPORT_ABORTED, importId, new CreditImportAborted(importId, reason))
                .replaceWithVoid();
    }

    /** One import's publication; not thread-safe (one reader thread feeds it). */
    public final class Publication implements Consumer<CreditRow> {

        private final CreditImportJob job;
        private final List<CreditRowsChunk.Row> pending = new ArrayList<>(chunkRows + 1);
        private final ChunkBudget budget = new ChunkBudget(mapper, chunkRows, maxChunkBytes);
        private int chunksPublished;
        private int rows;
        /** The chunk being written while the reader goes on; at most one, so memory stays at two chunks. */
        private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

        private Publication(CreditImportJob job) {
            this.job = job;
            budget.start(chunk(0, 0));
        }

        /**
         * Takes an accepted row. A full chunk (by rows or by JSON size) is published once a further row shows it is
         * not the last, so the last chunk is never empty.
         */
        @Override
        public void accept(CreditRow accepted) {
            CreditRowsChunk.Row row = toEvent(accepted);
            if (!budget.add(row)) {
                CreditRowsChunk chunk = chunk(0, 0);
                pending.clear();
                awaitInFlight();
                inFlight = ReactiveWork.start(
                                vertx,
                                () -> Panache.withTransaction(
                                        () -> outbox.publish(EventCatalog.CREDIT_ROWS_CHUNK, job.id, chunk)))
                        .thenApply(e -> null);
                chunksPublished++;
                budget.start(chunk(0, 0));
                budget.add(row);
            }
            pending.add(row);
            rows++;
        }

        /**
         * Whether credit-balance-service may hold some of this import (and needs an abort if it ends otherwise). Waits
         * for the chunk being written first, so an abort published next can never overtake it.
         */
        public boolean started() {
            inFlight.exceptionally(e -> null).join();
            return chunksPublished > 0;
        }

        /** The last chunk and the job's move to {@code applying}, in one transaction. Needs at least one row. */
        public CreditImportJob finish(CreditSheet sheet) {
            if (rows == 0) {
                throw new IllegalStateException("An import without rows is never published");
            }
            CreditRowsChunk last = chunk(chunksPublished + 1, rows);
            pending.clear();
            awaitInFlight(); // the chunks before it are committed first: the outbox keeps their order
            return Blocking.await(() ->
                    Panache.withTransaction(() -> outbox.publish(EventCatalog.CREDIT_ROWS_CHUNK, job.id, last)
                            .chain(() -> jobs.recordValidation(job.id, sheet, ImportStatus.APPLYING))));
        }

        /** Waits for the chunk being written; its failure fails the import (and calls off what went out). */
        private void awaitInFlight() {
            try {
                inFlight.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        private CreditRowsChunk chunk(int chunkCount, int totalRows) {
            List<CreditRowsChunk.Row> slice = List.copyOf(pending);
            return new CreditRowsChunk(
                    job.id, job.mode, job.requestedBy, chunksPublished, chunkCount, totalRows, slice);
        }
    }

    private static CreditRowsChunk.Row toEvent(CreditRow row) {
        return new CreditRowsChunk.Row(
                row.sourceRow(),
                row.sheet(),
                row.clientCode(),
                row.clientName(),
                row.phone(),
                row.emailId(),
                row.treatmentName(),
                row.center(),
                row.finalBucket(),
                row.packageAmount(),
                row.amountPaid(),
                row.balanceAmount(),
                row.prepaidGiftCardBalance(),
                row.sessionsPaid(),
                row.sessionsConsumed(),
                row.balanceSessions());
    }
}
