package com.clinicsuite.credit.repository;

import com.clinicsuite.vocabulary.ImportStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Staged imports, the chunks received and their rows. The SQL here is plain enough for PostgreSQL and SQL Server
 * alike, except staging rows ({@link StagedRowsInsert}).
 */
@ApplicationScoped
public class CreditImportRepository implements PanacheRepository<CreditImport> {

    /**
     * A staged import's rows into credit_balance, in sheet order. Both timestamps are the import's claim time
     * (finished_at, set when it moved to applying), read by the join so no timestamp is bound in a select list.
     */
    private static final String INSERT_STAGED = "insert into credit_balance (client_code, client_name, phone_no, "
            + "email_id, treatment_name, package_amount, amount_paid, balance_amount, prepaid_gift_card_balance, "
            + "center, final_bucket, sessions_paid, sessions_consumed, balance_sessions, voucher_number, created_at, "
            + "updated_at) "
            + "select r.client_code, r.client_name, r.phone_no, r.email_id, r.treatment_name, r.package_amount, "
            + "r.amount_paid, r.balance_amount, r.prepaid_gift_card_balance, r.center, r.final_bucket, r.sessions_paid, "
            + "r.sessions_consumed, r.balance_sessions, r.voucher_number, i.finished_at, i.finished_at "
            + "from credit_import_row r join credit_import i on i.import_id = r.import_id "
            + "where r.import_id = ? and r.seq between ? and ? order by r.seq";

    private final StagedRowsInsert stagedRowsInsert;

    public CreditImportRepository(StagedRowsInsert stagedRowsInsert) {
        this.stagedRowsInsert = stagedRowsInsert;
    }

    public Uni<CreditImport> findByImportId(String importId) {
        return find("importId", importId).firstResult();
    }

    public Uni<Boolean> hasChunk(String importId, int chunkIndex) {
        return CreditImportChunk.count("importId = ?1 and chunkIndex = ?2", importId, chunkIndex)
                .map(n -> n > 0);
    }

    public Uni<Long> chunksReceived(String importId) {
        return CreditImportChunk.count("importId", importId);
    }

    public Uni<Void> recordChunk(String importId, int chunkIndex) {
        CreditImportChunk chunk = new CreditImportChunk();
        chunk.importId = importId;
        chunk.chunkIndex = chunkIndex;
        return chunk.persist().replaceWithVoid();
    }

    /** Stages a chunk's rows (all of import {@code importId}) with one statement, see {@link StagedRowsInsert}. */
    public Uni<Void> stageRows(String importId, List<CreditImportRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return getSession()
                .chain(s -> s.createNativeQuery(stagedRowsInsert.sql())
                        .setParameter(1, importId)
                        .setParameter(2, stagedRowsInsert.json(rows))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The chunk indexes staged for an import, in order. */
    public Uni<List<Integer>> chunkIndexes(String importId) {
        return getSession()
                .chain(s -> s.createSelectionQuery(
                                "select c.chunkIndex from CreditImportChunk c where c.importId = :id order by c.chunkIndex",
                                Integer.class)
                        .setParameter("id", importId)
                        .getResultList());
    }

    /** One chunk's staged rows in sheet order, read-only (never flushed back). */
    public Uni<List<CreditImportRow>> stagedRows(String importId, int chunkIndex) {
        return getSession()
                .chain(s -> s.createSelectionQuery(
                                "from CreditImportRow r where r.importId = :id and r.seq between :from and :to order by r.seq",
                                CreditImportRow.class)
                        .setParameter("id", importId)
                        .setParameter("from", chunkIndex * CreditImportRow.CHUNK_SPAN)
                        .setParameter("to", (chunkIndex + 1) * CreditImportRow.CHUNK_SPAN - 1)
                        .setReadOnly(true)
                        .getResultList());
    }

    public Uni<Long> stagedRowCount(String importId) {
        return CreditImportRow.count("importId", importId);
    }

    /** The lowest and highest seq staged for an import, or null when it has none. */
    public Uni<long[]> stagedSeqRange(String importId) {
        return getSession()
                .chain(s -> s.createSelectionQuery(
                                "select min(r.seq), max(r.seq) from CreditImportRow r where r.importId = :id",
                                Object[].class)
                        .setParameter("id", importId)
                        .getSingleResult())
                .map(range -> range[0] == null
                        ? null
                        : new long[] {((Number) range[0]).longValue(), ((Number) range[1]).longValue()});
    }

    public Uni<CreditImportRow> stagedRow(String importId, long seq) {
        return CreditImportRow.findById(new CreditImportRow.Key(importId, seq));
    }

    /**
     * Copies the import's staged rows with seq in [fromSeq, toSeq] into credit_balance with one INSERT ... SELECT;
     * the number inserted. The import must be {@code applying} (its finished_at is the rows' timestamp).
     */
    public Uni<Integer> insertStaged(String importId, long fromSeq, long toSeq) {
        return getSession()
                .chain(s -> s.createNativeQuery(INSERT_STAGED)
                        .setParameter(1, importId)
                        .setParameter(2, fromSeq)
                        .setParameter(3, toSeq)
                        .executeUpdate());
    }

    /** Drops what was staged for an import (its rows and chunk records), once it is settled. */
    public Uni<Void> deleteStaged(String importId) {
        return getSession()
                .chain(s -> s.createNativeQuery("delete from credit_import_row where import_id = ?")
                        .setParameter(1, importId)
                        .executeUpdate())
                .chain(() -> CreditImportChunk.delete("importId", importId))
                .replaceWithVoid();
    }

    /** Ids of staged imports that hold all their chunks. */
    public Uni<List<String>> readyToApply() {
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery(
                                "select i.importId from CreditImport i where i.status = :staged and i.chunkCount = "
                                        + "(select count(c) from CreditImportChunk c where c.importId = i.importId) order by i.id",
                                String.class)
                        .setParameter("staged", ImportStatus.STAGED)
                        .getResultList());
    }

    /**
     * Moves an import from {@code from} to {@code to} with its counts; false when it was not in {@code from}. The row
     * lock this takes is held to the end of the transaction, so of two replicas applying the same import one wins
     * and the other sees nothing to do.
     */
    public Uni<Boolean> transition(
            String importId, ImportStatus from, ImportStatus to, int inserted, int updated, int deleted, String error) {
        return update(
                        "status = ?1, inserted = ?2, updated = ?3, deleted = ?4, error = ?5, finishedAt = ?6 "
                                + "where importId = ?7 and status = ?8",
                        to,
                        inserted,
                        updated,
                        deleted,
                        error,
                        OffsetDateTime.now(ZoneOffset.UTC),
                        importId,
                        from)
                .map(n -> n == 1);
    }
}
