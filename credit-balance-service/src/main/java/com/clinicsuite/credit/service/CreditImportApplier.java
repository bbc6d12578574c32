package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CreditBalance;
import com.clinicsuite.credit.repository.CreditBalanceRepository;
import com.clinicsuite.credit.repository.CreditImportApplyLock;
import com.clinicsuite.credit.repository.CreditImportRepository;
import com.clinicsuite.credit.repository.CreditImportRow;
import com.clinicsuite.credit.repository.SearchIndexUpkeep;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.credit.CreditImportResult;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.outbox.SqlErrors;
import com.clinicsuite.vocabulary.ImportMode;
import com.clinicsuite.vocabulary.ImportStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Applies imports whose chunks have all been staged (as normalised rows, see {@link CreditImportStaging}), each in
 * ONE transaction. {@code replace} is set-based SQL: delete every record, then one INSERT ... SELECT from the staged
 * rows. {@code upsert} merges on client code + treatment (case-insensitive) + center chunk by chunk, flushing and
 * clearing the session after each so memory stays bounded by a chunk. Any failure rolls everything back, leaving
 * the old data intact, and the import is reported {@code failed}; when the database refused a row, that row is
 * found by re-trying halves of the staged rows in transactions that are always rolled back.
 *
 * <p>One writer at a time (issue 18.6): every apply transaction locks the single {@code credit_import_apply_lock} row
 * before it claims its import, so two imports (on two threads, or the consumer and the sweep, or two replicas) are
 * applied one after the other: the second waits in the queue, then deletes or merges what the first committed.
 * Two replace-imports leave exactly the set of the one applied last, never a mix.
 */
@ApplicationScoped
public class CreditImportApplier {

    private static final Logger LOG = Logger.getLogger(CreditImportApplier.class);
    /** Keeps IN lists under SQL Server's 2100-parameter limit. */
    private static final int CODES_PER_QUERY = 500;

    private final CreditImportRepository imports;
    private final CreditBalanceRepository balances;
    private final Outbox outbox;
    private final TotalsCache totalsCache;
    private final SearchIndexUpkeep searchIndex;

    public CreditImportApplier(
            CreditImportRepository imports,
            CreditBalanceRepository balances,
            Outbox outbox,
            TotalsCache totalsCache,
            SearchIndexUpkeep searchIndex) {
        this.imports = imports;
        this.balances = balances;
        this.outbox = outbox;
        this.totalsCache = totalsCache;
        this.searchIndex = searchIndex;
    }

    /** Applies every complete import; never fails (an import that cannot be applied is reported failed). */
    public Uni<Void> applyReadyImports() {
        return Panache.withSession(imports::readyToApply)
                .chain(ids -> Multi.createFrom()
                        .iterable(ids)
                        .onItem()
                        .transformToUniAndConcatenate(this::apply)
                        .collect()
                        .last())
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf("Applying staged imports failed, the next sweep retries: %s", e.toString());
                    return null;
                });
    }

    /** Catches imports left staged by a crash between staging their last chunk and applying them. */
    @Scheduled(
            every = "${credit-import.sweep-interval:30s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return applyReadyImports();
    }

    /**
     * Applies one staged import (nothing when it is not staged, e.g. another thread or replica claimed it); never
     * fails. Its transaction first locks the single {@link CreditImportApplyLock} row: imports are applied one after
     * the other, so a second replace waits for the first to commit and then replaces what it committed.
     */
    public Uni<Void> apply(String importId) {
        long started = System.nanoTime();
        return Panache.withTransaction(() -> applyLock()
                        .chain(() ->
                                imports.transition(importId, ImportStatus.STAGED, ImportStatus.APPLYING, 0, 0, 0, null))
                        .chain(claimed -> claimed
                                ? searchIndex
                                        .deferForThisTransaction()
                                        .chain(() -> applyClaimed(importId, started))
                                        .replaceWith(true)
                                : Uni.createFrom().item(false)))
                .invoke(applied -> {
                    if (applied) {
                        searchIndex.mergePendingEntries();
                    }
                })
                .call(totalsCache::invalidate)
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(e -> fail(importId, e));
    }

    /**
     * SELECT ... FOR UPDATE on PostgreSQL, WITH (UPDLOCK, HOLDLOCK, ROWLOCK) on SQL Server (Hibernate's dialect);
     * held until the transaction ends.
     */
    private static Uni<Void> applyLock() {
        return Panache.getSession()
                .chain(session -> session.find(
                                CreditImportApplyLock.class, CreditImportApplyLock.ID, LockMode.PESSIMISTIC_WRITE)
                        .invoke(lock -> {
                            if (lock == null) {
                                throw new IllegalStateException("credit_import_apply_lock has no row "
                                        + CreditImportApplyLock.ID + " (migration V8)");
                            }
                        }))
                .replaceWithVoid();
    }

    private Uni<Void> applyClaimed(String importId, long started) {
        return imports.findByImportId(importId)
                .chain(found -> imports.stagedRowCount(importId).chain(rows -> {
                    Uni<Counts> applied = found.mode == ImportMode.REPLACE ? replace(importId) : upsert(importId);
                    return applied.chain(counts -> imports.transition(
                                            importId,
                                            ImportStatus.APPLYING,
                                            ImportStatus.COMPLETED,
                                            counts.inserted,
                                            counts.updated,
                                            counts.deleted,
                                            null)
                                    .chain(() -> imports.deleteStaged(importId))
                                    .chain(() -> outbox.publish(
                                            EventCatalog.CREDIT_IMPORT_RESULT,
                                            importId,
                                            new CreditImportResult(
                                                    importId,
                                                    ImportStatus.COMPLETED,
                                                    rows.intValue(),
                                                    counts.inserted,
                                                    counts.updated,
                                                    counts.deleted,
                                                    List.of(),
                                                    null)))
                                    .invoke(() -> LOG.infof(
                                            "Import %s (%s, %d rows) applied in %d ms: %d inserted, "
                                                    + "%d updated, %d deleted",
                                            importId,
                                            found.mode.code(),
                                            rows,
                                            (System.nanoTime() - started) / 1_000_000,
                                            counts.inserted,
                                            counts.updated,
                                            counts.deleted)))
                            .replaceWithVoid();
                }));
    }

    /** Every record goes, the staged rows come in: two statements, however many rows. */
    private Uni<Counts> replace(String importId) {
        Counts counts = new Counts();
        return balances.deleteAll()
                .invoke(n -> counts.deleted = n.intValue())
                .chain(() -> imports.insertStaged(importId, Long.MIN_VALUE, Long.MAX_VALUE))
                .invoke(n -> counts.inserted = n)
                .replaceWith(counts);
    }

    /**
     * Chunk by chunk, in sheet order: every record matching a row's key takes the row's values; a row without match
     * is inserted, and a later row of the same key (in this chunk or a later one) updates it.
     */
    private Uni<Counts> upsert(String importId) {
        Counts counts = new Counts();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return imports.chunkIndexes(importId)
                .chain(indexes -> Multi.createFrom()
                        .iterable(indexes)
                        .onItem()
                        .transformToUniAndConcatenate(index -> upsertChunk(importId, index, counts, now))
                        .collect()
                        .last())
                .replaceWith(counts);
    }

    private Uni<Void> upsertChunk(String importId, int chunkIndex, Counts counts, OffsetDateTime now) {
        return imports.stagedRows(importId, chunkIndex)
                .chain(rows -> existingByKey(rows)
                        .chain(existing -> Multi.createFrom()
                                .iterable(rows)
                                .onItem()
                                .transformToUniAndConcatenate(row -> {
                                    String key = key(row.clientCode, row.treatmentName, row.center);
                                    List<CreditBalance> matches = existing.get(key);
                                    if (matches == null) {
                                        CreditBalance created = new CreditBalance();
                                        copy(row, created, now);
                                        created.createdAt = now;
                                        return balances.persist(created)
                                                .invoke(saved -> {
                                                    existing.put(key, new ArrayList<>(List.of(saved)));
                                                    counts.inserted++;
                                                })
                                                .replaceWithVoid();
                                    }
                                    // managed entities: the changes are flushed below
                                    matches.forEach(record -> copy(row, record, now));
                                    counts.updated += matches.size();
                                    return Uni.createFrom().voidItem();
                                })
                                .collect()
                                .last()))
                // write this chunk's changes and forget its entities: the next chunk reads what it needs afresh
                .chain(() -> Panache.getSession())
                .chain(session -> session.flush().invoke(session::clear));
    }

    private Uni<Map<String, List<CreditBalance>>> existingByKey(List<CreditImportRow> rows) {
        List<String> codes = rows.stream().map(r -> r.clientCode).distinct().toList();
        List<List<String>> slices = new ArrayList<>();
        for (int i = 0; i < codes.size(); i += CODES_PER_QUERY) {
            slices.add(codes.subList(i, Math.min(codes.size(), i + CODES_PER_QUERY)));
        }
        Map<String, List<CreditBalance>> byKey = new HashMap<>();
        return Multi.createFrom()
                .iterable(slices)
                .onItem()
                .transformToUniAndConcatenate(balances::findByClientCodes)
                .invoke(found -> found.forEach(
                        r -> byKey.computeIfAbsent(key(r.clientCode, r.treatmentName, r.center), k -> new ArrayList<>())
                                .add(r)))
                .collect()
                .last()
                .replaceWith(byKey);
    }

    private static void copy(CreditImportRow row, CreditBalance target, OffsetDateTime now) {
        target.copyValuesFrom(row);
        target.updatedAt = now;
    }

    private Uni<Void> fail(String importId, Throwable cause) {
        Uni<RowRejected> located = cause instanceof RowRejected row
                ? Uni.createFrom().item(row)
                : locate(importId, SqlErrors.constraint(cause)).onFailure().recoverWithItem(e -> {
                    LOG.warnf("Import %s: the refused row could not be located: %s", importId, e.toString());
                    return null;
                });
        return located.chain(row -> {
            String error = row != null
                    ? describe(row)
                    : "The import could not be applied (" + databaseReason(cause) + "); nothing was changed";
            List<CreditImportResult.RowError> rejected = row == null
                    ? List.of()
                    : List.of(new CreditImportResult.RowError(row.row(), row.column(), row.getMessage()));
            // the reason names rows, columns and constraints only, never the row's content
            LOG.warnf("Import %s failed: %s", importId, error);
            return Panache.withTransaction(() -> imports.transition(
                            importId, ImportStatus.STAGED, ImportStatus.FAILED, 0, 0, 0, error)
                    .chain(changed -> !changed
                            ? Uni.createFrom().voidItem()
                            : imports.deleteStaged(importId)
                                    .chain(() -> outbox.publish(
                                            EventCatalog.CREDIT_IMPORT_RESULT,
                                            importId,
                                            new CreditImportResult(
                                                    importId, ImportStatus.FAILED, 0, 0, 0, 0, rejected, error)))
                                    .replaceWithVoid()));
        });
    }

    /** The failure text of a refused row: sheet row, column and reason. */
    static String describe(RowRejected row) {
        return "Row " + row.row() + (row.column() == null ? "" : " (" + row.column() + ")") + ": " + row.getMessage()
                + "; nothing was changed";
    }

    /**
     * The staged row the database refuses for {@code constraint}, or null. A CHECK constraint depends on the row's
     * own values only, so inserting a range of staged rows fails exactly when the range holds such a row: halving
     * the range ~17 times finds it among 100,000. Every try runs in a transaction that is rolled back.
     */
    private Uni<RowRejected> locate(String importId, String constraint) {
        if (constraint == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> imports.stagedSeqRange(importId))
                .chain(range -> range == null
                        ? Uni.createFrom().<Long>nullItem()
                        : refuses(importId, constraint, range[0], range[1])
                                .chain(refused -> refused
                                        ? bisect(importId, constraint, range[0], range[1])
                                        : Uni.createFrom().<Long>nullItem()))
                .chain(id -> id == null
                        ? Uni.createFrom().<RowRejected>nullItem()
                        : Panache.withSession(() -> imports.stagedRow(importId, id))
                                .map(row -> new RowRejected(
                                        row.sourceRow,
                                        ImportRowRules.columnBreaking(constraint, row),
                                        "violates constraint " + constraint,
                                        null)));
    }

    /** The seq of a refused row in [from, to], which holds one. */
    private Uni<Long> bisect(String importId, String constraint, long from, long to) {
        if (from == to) {
            return Uni.createFrom().item(from);
        }
        long middle = from + (to - from) / 2;
        return refuses(importId, constraint, from, middle)
                .chain(refused -> refused
                        ? bisect(importId, constraint, from, middle)
                        : bisect(importId, constraint, middle + 1, to));
    }

    /** Whether the database refuses the staged rows with seq in [from, to] for {@code constraint}; changes nothing. */
    private Uni<Boolean> refuses(String importId, String constraint, long from, long to) {
        return Panache.withTransaction(() -> Panache.currentTransaction()
                        .invoke(Mutiny.Transaction::markForRollback)
                        .chain(() ->
                                imports.transition(importId, ImportStatus.STAGED, ImportStatus.APPLYING, 0, 0, 0, null))
                        .chain(() -> imports.insertStaged(importId, from, to)))
                .map(inserted -> false)
                .onFailure(e -> constraint.equals(SqlErrors.constraint(e)))
                .recoverWithItem(true);
    }

    /** What a database refusal names, without the refused values (they may be personal data). */
    private static String databaseReason(Throwable error) {
        String constraint = SqlErrors.constraint(error);
        return constraint != null
                ? "violates constraint " + constraint
                : "the database refused the data: " + error.getClass().getSimpleName();
    }

    private static String key(String clientCode, String treatmentName, String center) {
        return clientCode + '\u0000' + treatmentName.toLowerCase(Locale.ROOT) + '\u0000' + center;
    }

    private static final class Counts {
        int inserted;
        int updated;
        int deleted;
    }
}
