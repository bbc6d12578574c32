package com.clinicsuite.credit.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Staged imports and their chunks. */
@ApplicationScoped
public class CreditImportRepository implements PanacheRepository<CreditImport> {

    public Uni<CreditImport> findByImportId(String importId) {
        return find("importId", importId).firstResult();
    }

    public Uni<Boolean> hasChunk(String importId, int chunkIndex) {
        return CreditImportChunk.count("importId = ?1 and chunkIndex = ?2", importId, chunkIndex).map(n -> n > 0);
    }

    public Uni<Long> chunksReceived(String importId) {
        return CreditImportChunk.count("importId", importId);
    }

    public Uni<List<CreditImportChunk>> chunks(String importId) {
        return CreditImportChunk.list("importId", Sort.by("chunkIndex"), importId);
    }

    /** Ids of staged imports that hold all their chunks. */
    public Uni<List<String>> readyToApply() {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select i.importId from CreditImport i where i.status = :staged and i.chunkCount = "
                                + "(select count(c) from CreditImportChunk c where c.importId = i.importId) order by i.id",
                        String.class)
                .setParameter("staged", CreditImport.STAGED)
                .getResultList());
    }

    /**
     * Moves an import from {@code from} to {@code to} with its counts; false when it was not in {@code from}. The row
     * lock this takes is held to the end of the transaction, so of two replicas applying the same import one wins
     * and the other sees nothing to do.
     */
    public Uni<Boolean> transition(String importId, String from, String to, int inserted, int updated, int deleted,
                                   String error) {
        return update("status = ?1, inserted = ?2, updated = ?3, deleted = ?4, error = ?5, finishedAt = ?6 "
                        + "where importId = ?7 and status = ?8",
                to, inserted, updated, deleted, error, OffsetDateTime.now(ZoneOffset.UTC), importId, from)
                .map(n -> n == 1);
    }

    public Uni<Long> deleteChunks(String importId) {
        return CreditImportChunk.delete("importId", importId);
    }
}
