package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CreditBalance;
import com.clinicsuite.credit.repository.CreditBalanceRepository;
import com.clinicsuite.credit.repository.CreditImport;
import com.clinicsuite.credit.repository.CreditImportChunk;
import com.clinicsuite.credit.repository.CreditImportRepository;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.credit.CreditImportResult;
import com.clinicsuite.events.imports.CreditRowsChunk.Row;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.clinicsuite.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Applies imports whose chunks have all been staged, each in ONE transaction: {@code replace} swaps the whole
 * data set (delete all, insert the rows), {@code upsert} merges on client code + treatment + center. Any failure
 * rolls everything back, leaving the old data intact, and the import is reported {@code failed}.
 */
@ApplicationScoped
public class CreditImportApplier {

    private static final Logger LOG = Logger.getLogger(CreditImportApplier.class);
    private static final TypeReference<List<Row>> ROWS = new TypeReference<>() {
    };
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"?([A-Za-z0-9_]+)\"?");
    /** Keeps IN lists under SQL Server's 2100-parameter limit. */
    private static final int CODES_PER_QUERY = 500;

    private final CreditImportRepository imports;
    private final CreditBalanceRepository balances;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final StatsCache statsCache;

    public CreditImportApplier(CreditImportRepository imports, CreditBalanceRepository balances, Outbox outbox,
                               ObjectMapper mapper, StatsCache statsCache) {
        this.imports = imports;
        this.balances = balances;
        this.outbox = outbox;
        this.mapper = mapper;
        this.statsCache = statsCache;
    }

    /** Applies every complete import; never fails (an import that cannot be applied is reported failed). */
    public Uni<Void> applyReadyImports() {
        return Panache.withSession(imports::readyToApply)
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(this::apply)
                        .collect().last())
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Applying staged imports failed, the next sweep retries: %s", e.toString());
                    return null;
                });
    }

    /** Catches imports left staged by a crash between staging their last chunk and applying them. */
    @Scheduled(every = "${credit-import.sweep-interval:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return applyReadyImports();
    }

    private Uni<Void> apply(String importId) {
        return Panache.withTransaction(() -> imports.transition(importId, CreditImport.STAGED, CreditImport.APPLYING,
                                0, 0, 0, null)
                        .chain(claimed -> claimed ? applyClaimed(importId) : Uni.createFrom().voidItem()))
                .call(statsCache::invalidate)
                .onFailure().recoverWithUni(e -> fail(importId, e));
    }

    private Uni<Void> applyClaimed(String importId) {
        return imports.findByImportId(importId).chain(found -> imports.chunks(importId).chain(chunks -> {
            List<Row> rows = rows(chunks);
            Uni<Counts> applied = "replace".equals(found.mode) ? replace(rows) : upsert(rows);
            return applied.chain(counts -> imports.transition(importId, CreditImport.APPLYING, CreditImport.COMPLETED,
                                    counts.inserted, counts.updated, counts.deleted, null)
                            .chain(() -> imports.deleteChunks(importId))
                            .chain(() -> outbox.publish(EventCatalog.CREDIT_IMPORT_RESULT, importId,
                                    new CreditImportResult(importId, "completed", rows.size(), counts.inserted,
                                            counts.updated, counts.deleted, List.of(), null)))
                            .invoke(() -> LOG.infof("Import %s (%s) applied: %d inserted, %d updated, %d deleted",
                                    importId, found.mode, counts.inserted, counts.updated, counts.deleted)))
                    .replaceWithVoid();
        }));
    }

    private Uni<Counts> replace(List<Row> rows) {
        Counts counts = new Counts();
        return balances.deleteAll().invoke(n -> counts.deleted = n.intValue())
                .chain(() -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> insert(row).invoke(() -> counts.inserted++))
                        .collect().last())
                .replaceWith(counts);
    }

    private Uni<Counts> upsert(List<Row> rows) {
        Counts counts = new Counts();
        return existingByKey(rows).chain(existing -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> {
                    List<CreditBalance> matches = existing.get(key(row));
                    if (matches == null) {
                        return insert(row).invoke(created -> {
                            existing.put(key(row), new ArrayList<>(List.of(created)));
                            counts.inserted++;
                        }).replaceWithVoid();
                    }
                    // managed entities: the changes are flushed with the transaction
                    matches.forEach(record -> copy(row, record));
                    counts.updated += matches.size();
                    return Uni.createFrom().voidItem();
                })
                .collect().last()
                .replaceWith(counts));
    }

    private Uni<Map<String, List<CreditBalance>>> existingByKey(List<Row> rows) {
        List<String> codes = rows.stream().map(r -> clientCode(r)).distinct().toList();
        List<List<String>> slices = new ArrayList<>();
        for (int i = 0; i < codes.size(); i += CODES_PER_QUERY) {
            slices.add(codes.subList(i, Math.min(codes.size(), i + CODES_PER_QUERY)));
        }
        Map<String, List<CreditBalance>> byKey = new HashMap<>();
        return Multi.createFrom().iterable(slices)
                .onItem().transformToUniAndConcatenate(balances::findByClientCodes)
                .invoke(found -> found.forEach(r -> byKey.computeIfAbsent(
                        key(r.clientCode, r.treatmentName, r.center), k -> new ArrayList<>()).add(r)))
                .collect().last()
                .replaceWith(byKey);
    }

    private Uni<CreditBalance> insert(Row row) {
        CreditBalance record = new CreditBalance();
        copy(row, record);
        record.createdAt = record.updatedAt;
        return balances.persist(record)
                .onFailure().transform(e -> new RowRejected(row.sourceRow(), null, databaseReason(e), e));
    }

    private static void copy(Row row, CreditBalance target) {
        Center center = Center.parse(row.center()).orElseThrow(() -> new RowRejected(row.sourceRow(), "center",
                "unknown center; use one of " + Center.knownNames(), null));
        target.clientCode = clientCode(row);
        target.clientName = row.clientName() == null ? "" : row.clientName().trim();
        target.phoneNo = blankToNull(row.phoneNo());
        target.emailId = blankToNull(row.emailId());
        target.treatmentName = row.treatmentName() == null ? "" : row.treatmentName().trim();
        target.center = center.displayName();
        target.finalBucket = blankToNull(row.finalBucket());
        target.packageAmount = money(row, "package_amount", row.packageAmount());
        target.amountPaid = money(row, "amount_paid", row.amountPaid());
        target.balanceAmount = money(row, "balance_amount", row.balanceAmount());
        target.prepaidGiftCardBalance = money(row, "prepaid_gift_card_balance", row.prepaidGiftCardBalance());
        target.sessionsPaid = row.sessionsPaid();
        target.sessionsConsumed = row.sessionsConsumed();
        target.balanceSessions = row.balanceSessions();
        target.voucherNumber = VoucherRule.voucherNumber(center, target.clientCode, target.phoneNo);
        target.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private Uni<Void> fail(String importId, Throwable cause) {
        String error;
        List<CreditImportResult.RowError> rejected;
        if (cause instanceof RowRejected row) {
            error = "Row " + row.row() + ": " + row.getMessage() + "; nothing was changed";
            rejected = List.of(new CreditImportResult.RowError(row.row(), row.column(), row.getMessage()));
        } else {
            error = "The import could not be applied (" + databaseReason(cause) + "); nothing was changed";
            rejected = List.of();
        }
        // the reason names rows and constraints only, never the row's content
        LOG.warnf("Import %s failed: %s", importId, error);
        return Panache.withTransaction(() -> imports.transition(importId, CreditImport.STAGED, CreditImport.FAILED,
                        0, 0, 0, error)
                .chain(changed -> !changed ? Uni.createFrom().voidItem() : imports.deleteChunks(importId)
                        .chain(() -> outbox.publish(EventCatalog.CREDIT_IMPORT_RESULT, importId,
                                new CreditImportResult(importId, "failed", 0, 0, 0, 0, rejected, error)))
                        .replaceWithVoid()));
    }

    private List<Row> rows(List<CreditImportChunk> chunks) {
        List<Row> rows = new ArrayList<>();
        for (CreditImportChunk chunk : chunks) {
            try {
                rows.addAll(mapper.readValue(chunk.rowsJson, ROWS));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    /** The constraint a database refusal names, without the refused values (they may be personal data). */
    private static String databaseReason(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof RowRejected r && r.getCause() == null) {
                return r.getMessage();
            }
            if (e instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null) {
                return "violates constraint " + c.getConstraintName();
            }
            Matcher m = CONSTRAINT.matcher(String.valueOf(e.getMessage()));
            if (m.find()) {
                return "violates constraint " + m.group(1);
            }
        }
        return "the database refused the data: " + error.getClass().getSimpleName();
    }

    private static BigDecimal money(Row row, String column, BigDecimal amount) {
        if (amount == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new RowRejected(row.sourceRow(), column, "has more than 2 decimals", null);
        }
    }

    private static String clientCode(Row row) {
        return row.clientCode() == null ? "" : row.clientCode().trim().toUpperCase(Locale.ROOT);
    }

    private static String key(Row row) {
        return key(clientCode(row), row.treatmentName() == null ? "" : row.treatmentName().trim(),
                Center.parse(row.center()).map(Center::displayName).orElse(row.center()));
    }

    private static String key(String clientCode, String treatmentName, String center) {
        return clientCode + '\u0000' + treatmentName.toLowerCase(Locale.ROOT) + '\u0000' + center;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static final class Counts {
        int inserted;
        int updated;
        int deleted;
    }
}
