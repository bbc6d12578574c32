package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CreditImport;
import com.clinicsuite.credit.repository.CreditImportRepository;
import com.clinicsuite.credit.repository.CreditImportRow;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.credit.CreditImportResult;
import com.clinicsuite.events.imports.CreditImportAborted;
import com.clinicsuite.events.imports.CreditRowsChunk;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.outbox.PoisonMessageException;
import com.clinicsuite.vocabulary.ImportStatus;
import com.clinicsuite.vocabulary.StoredText;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Stages the chunks of an import until all have arrived: each row is validated and normalised right away
 * ({@link ImportRowRules}) and kept in credit_import_row, so applying never needs more than the database. Runs
 * inside the inbox's transaction, so a redelivered chunk changes nothing; a chunk that arrives again under a new
 * event id is recognised by its index. A row that cannot be applied fails the whole import at once (the failed
 * result is published, what was staged is dropped) and later chunks of it are ignored. Chunks arrive while
 * import-service still reads the file: only the last one tells how many there are (chunk_count 0 before), and an
 * import it could not finish is called off ({@link #abort}).
 */
@ApplicationScoped
public class CreditImportStaging {

    private static final Logger LOG = Logger.getLogger(CreditImportStaging.class);

    private final CreditImportRepository repository;
    private final Outbox outbox;

    public CreditImportStaging(CreditImportRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    public Uni<Void> stage(CreditRowsChunk chunk) {
        checkEnvelope(chunk);
        return repository
                .findByImportId(chunk.importId())
                .chain(existing -> existing != null ? Uni.createFrom().item(existing) : announce(chunk))
                .chain(found -> {
                    if (found.status != ImportStatus.STAGED) {
                        return Uni.createFrom().voidItem(); // a late copy or a later chunk of an import settled already
                    }
                    return repository
                            .hasChunk(chunk.importId(), chunk.chunkIndex())
                            .chain(seen -> seen ? Uni.createFrom().voidItem() : keep(chunk, found));
                });
    }

    private Uni<CreditImport> announce(CreditRowsChunk chunk) {
        CreditImport created = new CreditImport();
        created.importId = chunk.importId();
        created.mode = chunk.mode();
        created.requestedBy = chunk.requestedBy();
        created.chunkCount = chunk.chunkCount();
        created.totalRows = chunk.totalRows();
        created.status = ImportStatus.STAGED;
        created.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return repository.persist(created);
    }

    /**
     * The import ended without its last chunk (import-service could not finish reading the file): what was staged
     * goes and later chunks are ignored. An import never seen here needs nothing: its chunks would have come first.
     */
    public Uni<Void> abort(CreditImportAborted aborted) {
        if (aborted.importId() == null || aborted.importId().isBlank()) {
            throw new PoisonMessageException("Abort without an import_id");
        }
        String reason =
                "Called off by import-service: " + (aborted.reason() == null ? "no reason given" : aborted.reason());
        return repository
                .transition(
                        aborted.importId(),
                        ImportStatus.STAGED,
                        ImportStatus.FAILED,
                        0,
                        0,
                        0,
                        StoredText.cut(reason, 1000))
                .chain(changed -> changed
                        ? repository.deleteStaged(aborted.importId())
                        : Uni.createFrom().voidItem())
                .invoke(() -> LOG.infof("Import %s called off by import-service", aborted.importId()));
    }

    private Uni<Void> keep(CreditRowsChunk chunk, CreditImport found) {
        List<CreditRowsChunk.Row> received = chunk.rows() == null ? List.of() : chunk.rows();
        if (received.size() >= CreditImportRow.CHUNK_SPAN) {
            throw new PoisonMessageException(
                    "Chunk " + chunk.chunkIndex() + " of import " + chunk.importId() + " has too many rows");
        }
        List<CreditImportRow> rows = new ArrayList<>(received.size());
        try {
            for (int i = 0; i < received.size(); i++) {
                rows.add(ImportRowRules.normalise(chunk.importId(), chunk.chunkIndex(), i, received.get(i)));
            }
        } catch (RowRejected rejected) {
            return reject(found.importId, rejected);
        }
        if (chunk.chunkCount() > 0) { // the last chunk: now the import's size is known
            found.chunkCount = chunk.chunkCount();
            found.totalRows = chunk.totalRows();
        }
        return repository
                .stageRows(chunk.importId(), rows)
                .chain(() -> repository.recordChunk(chunk.importId(), chunk.chunkIndex()))
                .chain(() -> announceApplyingWhenComplete(found));
    }

    /** Tells import-service the import is about to be applied, once its last chunk is in. */
    private Uni<Void> announceApplyingWhenComplete(CreditImport found) {
        if (found.chunkCount == 0) {
            return Uni.createFrom().voidItem(); // the last chunk (which tells the count) is still to come
        }
        return repository
                .chunksReceived(found.importId)
                .chain(received -> received < found.chunkCount
                        ? Uni.createFrom().voidItem()
                        : outbox.publish(
                                        EventCatalog.CREDIT_IMPORT_RESULT,
                                        found.importId,
                                        new CreditImportResult(
                                                found.importId, ImportStatus.APPLYING, 0, 0, 0, 0, List.of(), null))
                                .replaceWithVoid());
    }

    /** The import fails now: nothing of it was applied, what was staged goes, import-service hears why. */
    private Uni<Void> reject(String importId, RowRejected row) {
        String error = CreditImportApplier.describe(row);
        // the reason names the row and column only, never the row's content
        LOG.warnf("Import %s failed while staging: %s", importId, error);
        return repository
                .transition(importId, ImportStatus.STAGED, ImportStatus.FAILED, 0, 0, 0, error)
                .chain(() -> repository.deleteStaged(importId))
                .chain(() -> outbox.publish(
                        EventCatalog.CREDIT_IMPORT_RESULT,
                        importId,
                        new CreditImportResult(
                                importId,
                                ImportStatus.FAILED,
                                0,
                                0,
                                0,
                                0,
                                List.of(new CreditImportResult.RowError(row.row(), row.column(), row.getMessage())),
                                error)))
                .replaceWithVoid();
    }

    /** A chunk whose envelope makes no sense can never be applied: dead-letter it at once. */
    private static void checkEnvelope(CreditRowsChunk chunk) {
        if (chunk.importId() == null
                || chunk.importId().isBlank()
                || chunk.importId().length() > 64) {
            throw new PoisonMessageException("Credit rows chunk without a usable import_id");
        }
        if (chunk.mode() == null) { // a mode outside ImportMode does not even deserialise: dead-lettered as well
            throw new PoisonMessageException("Import " + chunk.importId() + " has no mode");
        }
        // chunk_count 0: not known yet (every chunk but the last, which tells it)
        if (chunk.chunkCount() < 0
                || chunk.chunkIndex() < 0
                || (chunk.chunkCount() > 0 && chunk.chunkIndex() >= chunk.chunkCount())) {
            throw new PoisonMessageException(
                    "Import " + chunk.importId() + " has chunk " + chunk.chunkIndex() + " of " + chunk.chunkCount());
        }
    }
}
