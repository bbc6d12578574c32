package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CreditImport;
import com.clinicsuite.credit.repository.CreditImportChunk;
import com.clinicsuite.credit.repository.CreditImportRepository;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.credit.CreditImportResult;
import com.clinicsuite.events.imports.CreditRowsChunk;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.outbox.PoisonMessageException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Keeps the chunks of an import until all have arrived. Runs inside the inbox's transaction, so a redelivered
 * chunk changes nothing; a chunk that arrives again under a new event id is recognised by its index.
 */
@ApplicationScoped
public class CreditImportStaging {

    static final Set<String> MODES = Set.of("replace", "upsert");

    private final CreditImportRepository repository;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public CreditImportStaging(CreditImportRepository repository, Outbox outbox, ObjectMapper mapper) {
        this.repository = repository;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public Uni<Void> stage(CreditRowsChunk chunk) {
        checkEnvelope(chunk);
        return repository.findByImportId(chunk.importId())
                .chain(existing -> existing != null ? Uni.createFrom().item(existing) : announce(chunk))
                .chain(found -> {
                    if (!CreditImport.STAGED.equals(found.status)) {
                        return Uni.createFrom().voidItem(); // a late copy of an import already settled
                    }
                    return repository.hasChunk(chunk.importId(), chunk.chunkIndex()).chain(seen -> seen
                            ? Uni.createFrom().voidItem()
                            : keep(chunk).chain(() -> announceApplyingWhenComplete(found)));
                });
    }

    private Uni<CreditImport> announce(CreditRowsChunk chunk) {
        CreditImport created = new CreditImport();
        created.importId = chunk.importId();
        created.mode = chunk.mode();
        created.requestedBy = chunk.requestedBy();
        created.chunkCount = chunk.chunkCount();
        created.totalRows = chunk.totalRows();
        created.status = CreditImport.STAGED;
        created.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return repository.persist(created);
    }

    private Uni<Void> keep(CreditRowsChunk chunk) {
        CreditImportChunk staged = new CreditImportChunk();
        staged.importId = chunk.importId();
        staged.chunkIndex = chunk.chunkIndex();
        try {
            staged.rowsJson = mapper.writeValueAsString(chunk.rows() == null ? List.of() : chunk.rows());
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Chunk " + chunk.chunkIndex() + " of import " + chunk.importId()
                    + " cannot be stored", e);
        }
        return staged.persist().replaceWithVoid();
    }

    /** Tells import-service the import is about to be applied, once its last chunk is in. */
    private Uni<Void> announceApplyingWhenComplete(CreditImport found) {
        return repository.chunksReceived(found.importId).chain(received -> received < found.chunkCount
                ? Uni.createFrom().voidItem()
                : outbox.publish(EventCatalog.CREDIT_IMPORT_RESULT, found.importId, new CreditImportResult(
                        found.importId, "applying", 0, 0, 0, 0, List.of(), null)).replaceWithVoid());
    }

    /** A chunk whose envelope makes no sense can never be applied: dead-letter it at once. */
    private static void checkEnvelope(CreditRowsChunk chunk) {
        if (chunk.importId() == null || chunk.importId().isBlank() || chunk.importId().length() > 64) {
            throw new PoisonMessageException("Credit rows chunk without a usable import_id");
        }
        if (!MODES.contains(chunk.mode())) {
            throw new PoisonMessageException("Import " + chunk.importId() + " has unknown mode " + chunk.mode());
        }
        if (chunk.chunkCount() < 1 || chunk.chunkIndex() < 0 || chunk.chunkIndex() >= chunk.chunkCount()) {
            throw new PoisonMessageException("Import " + chunk.importId() + " has chunk " + chunk.chunkIndex()
                    + " of " + chunk.chunkCount());
        }
    }
}
