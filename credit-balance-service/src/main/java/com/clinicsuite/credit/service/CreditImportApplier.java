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
        return Panache.withTransaction(() -> claimAndApply(importId, started))
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

    /** In the apply transaction: takes the lock, claims the import and applies it when claimed; whether it was. */
    private Uni<Boolean> claimAndApply(String importId, long started) {
        return applyLock()
                .chain(() -> imports.transition(importId, ImportStatus.STAGED, ImportStatus.APPLYING, 0, 0, 0, null))
                .chain(claimed -> claimed
                        ? searchIndex
                                .deferForThisTransaction()
                                .chain(() -> applyClaimed(importId, started))
                                .replaceWith(true)
                        : Uni.createFrom().item(false));
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

    /** A claimed import: its mode and how many rows were staged for it. */
    private record Staged(ImportMode mode, long rows) {}

    /** What applying a staged import did. */
    private record Counts(int inserted, int updated, int deleted) {}

    private Uni<Void> applyClaimed(String importId, long started) {
        return staged(importId)
                .chain(staged -> applyStaged(importId, staged)
                        .call(counts -> complete(importId, staged, counts))
                        .invoke(counts -> logApplied(importId, staged, counts, started)))
                .replaceWithVoid();
    }

    private Uni<Staged> staged(String importId) {
        return imports.findByImportId(importId)
                .chain(found -> imports.stagedRowCount(importId).map(rows -> new Staged(found.mode, rows)));
    }

    private Uni<Counts> applyStaged(String importId, Staged staged) {
        return staged.mode() == ImportMode.REPLACE ? replace(importId) : upsert(importId);
    }

    /** Marks the import completed, drops its staged rows and publishes its result, in the apply transaction. */
    private Uni<Void> complete(String importId, Staged staged, Counts counts) {
        return imports.transition(
                        importId,
                        ImportStatus.APPLYING,
                        ImportStatus.COMPLETED,
                        counts.inserted(),
                        counts.updated(),
                        counts.deleted(),
                        null)
                .chain(() -> imports.deleteStaged(importId))
                .chain(() -> outbox.publish(
                        EventCatalog.CREDIT_IMPORT_RESULT,
                        importId,
                        new CreditImportResult(
                                importId,
                                ImportStatus.COMPLETED,
                                (int) staged.rows(),
                                counts.inserted(),
                                counts.updated(),
                                counts.deleted(),
                                List.of(),
                                null)))
                .replaceWithVoid();
    }

    private static void logApplied(String importId, Staged staged, Counts counts, long started) {
        LOG.infof(
                "Import %s (%s, %d rows) applied in %d ms: %d inserted, %d updated, %d deleted",
                importId,
                staged.mode().code(),
                staged.rows(),
                (System.nanoTime() - started) / 1_000_000,
                counts.inserted(),
                counts.updated(),
                counts.deleted());
    }

    /** Every record goes, the staged rows come in: two statements, however many rows. */
    private Uni<Counts> replace(String importId) {
        return balances.deleteAll()
                .chain(deleted -> imports.insertStaged(importId, Long.MIN_VALUE, Long.MAX_VALUE)
                        .map(inserted -> new Counts(inserted, 0, deleted.intValue())));
    }

    /**
     * Chunk by chunk, in sheet order: every record matching a row's key takes the row's values; a row without match
     * is inserted, and a later row of the same key (in this chunk or a later one) updates it.
     */
    private Uni<Counts> upsert(String importId) {
        Tally tally = new Tally();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return imports.chunkIndexes(importId)
                .chain(indexes -> Multi.createFrom()
                        .iterable(indexes)
                        .onItem()
                        .transformToUniAndConcatenate(index -> upsertChunk(importId, index, tally, now))
                        .collect()
                        .last())
                .map(ignored -> new Counts(tally.inserted, tally.updated, 0));
    }

    private Uni<Void> upsertChunk(String importId, int chunkIndex, Tally tally, OffsetDateTime now) {
        return imports.stagedRows(importId, chunkIndex)
                .chain(rows -> existingByKey(rows)
                        .chain(existing -> Multi.createFrom()
                                .iterable(rows)
                                .onItem()
                                .transformToUniAndConcatenate(row -> upsertRow(row, existing, tally, now))
                                .collect()
                                .last()))
                .chain(CreditImportApplier::flushAndClear);
    }

    /** Inserts a row without match (later rows of its key update it) or copies it onto every matching record. */
    private Uni<Void> upsertRow(
            CreditImportRow row, Map<String, List<CreditBalance>> existing, Tally tally, OffsetDateTime now) {
        String key = key(row.clientCode, row.treatmentName, row.center);
        List<CreditBalance> matches = existing.get(key);
        if (matches == null) {
            CreditBalance created = new CreditBalance();
            copy(row, created, now);
            created.createdAt = now;
            return balances.persist(created)
                    .invoke(saved -> {
                        existing.put(key, new ArrayList<>(List.of(saved)));
                        tally.inserted++;
                    })
                    .replaceWithVoid();
        }
        // managed entities: the changes are flushed at the end of the chunk
        matches.forEach(record -> copy(row, record, now));
        tally.updated += matches.size();
        return Uni.createFrom().voidItem();
    }

    /** Writes this chunk's changes and forgets its entities: the next chunk reads what it needs afresh. */
    private static Uni<Void> flushAndClear() {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
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

    /** Why an import failed: the text people read, and the refused row when one was found. */
    private record Failure(String error, List<CreditImportResult.RowError> rejected) {}

    private Uni<Void> fail(String importId, Throwable cause) {
        return refusedRow(importId, cause).map(row -> failure(row, cause)).chain(failure -> {
            // the reason names rows, columns and constraints only, never the row's content
            LOG.warnf("Import %s failed: %s", importId, failure.error());
            return Panache.withTransaction(() -> recordFailure(importId, failure));
        });
    }

    /** The row the database refused (or the rules did), or null when none can be named. */
    private Uni<RowRejected> refusedRow(String importId, Throwable cause) {
        return cause instanceof RowRejected row
                ? Uni.createFrom().item(row)
                : locate(importId, SqlErrors.constraint(cause)).onFailure().recoverWithItem(e -> {
                    LOG.warnf("Import %s: the refused row could not be located: %s", importId, e.toString());
                    return null;
                });
    }

    private static Failure failure(RowRejected row, Throwable cause) {
        if (row == null) {
            return new Failure(
                    "The import could not be applied (" + databaseReason(cause) + "); nothing was changed", List.of());
        }
        return new Failure(
                describe(row), List.of(new CreditImportResult.RowError(row.row(), row.column(), row.getMessage())));
    }

    /** Marks a still staged import failed, drops its staged rows and publishes the result; nothing if it moved on. */
    private Uni<Void> recordFailure(String importId, Failure failure) {
        return imports.transition(importId, ImportStatus.STAGED, ImportStatus.FAILED, 0, 0, 0, failure.error())
                .chain(changed -> !changed
                        ? Uni.createFrom().voidItem()
                        : imports.deleteStaged(importId)
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
                                                failure.rejected(),
                                                failure.error())))
                                .replaceWithVoid());
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
        return refusedSeq(importId, constraint)
                .chain(seq -> seq == null
                        ? Uni.createFrom().<RowRejected>nullItem()
                        : rejectedRow(importId, constraint, seq));
    }

    /** The seq of a staged row the database refuses for {@code constraint}, or null when the whole range passes. */
    private Uni<Long> refusedSeq(String importId, String constraint) {
        return Panache.withSession(() -> imports.stagedSeqRange(importId))
                .chain(range -> range == null
                        ? Uni.createFrom().<Long>nullItem()
                        : refuses(importId, constraint, range[0], range[1])
                                .chain(refused -> refused
                                        ? bisect(importId, constraint, range[0], range[1])
                                        : Uni.createFrom().<Long>nullItem()));
    }

    private Uni<RowRejected> rejectedRow(String importId, String constraint, long seq) {
        return Panache.withSession(() -> imports.stagedRow(importId, seq))
                .map(row -> new RowRejected(
                        row.sourceRow,
                        ImportRowRules.columnBreaking(constraint, row),
                        "violates constraint " + constraint,
                        null));
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

    /** Running counts of an upsert, chunk after chunk (one chain at a time touches it). */
    private static final class Tally {
        int inserted;
        int updated;
    }
}
