package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CreditBalance;
import com.clinicsuite.credit.repository.CreditBalanceRepository;
import com.clinicsuite.vocabulary.Center;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Recomputes every record's voucher with {@link VoucherRule} (after a rule change or data fixed by hand), a batch
 * per transaction so a large table never holds one long transaction. Changed records emit credit.balance-updated.
 */
@ApplicationScoped
public class VoucherRecomputation {

    private static final Logger LOG = Logger.getLogger(VoucherRecomputation.class);
    private static final int BATCH = 500;

    private final CreditBalanceRepository repository;
    private final CreditBalanceEvents events;
    private final TotalsCache totalsCache;

    public VoucherRecomputation(
            CreditBalanceRepository repository, CreditBalanceEvents events, TotalsCache totalsCache) {
        this.repository = repository;
        this.events = events;
        this.totalsCache = totalsCache;
    }

    public record Result(long records, long changed) {}

    public Uni<Result> recomputeAll(String requestedBy) {
        return batchFrom(0, requestedBy, new Result(0, 0))
                .invoke(r -> LOG.infof("Vouchers recomputed: %d records, %d changed", r.records(), r.changed()));
    }

    private Uni<Result> batchFrom(long afterId, String requestedBy, Result soFar) {
        return Panache.withTransaction(() -> repository
                        .batchAfter(afterId, BATCH)
                        .chain(batch -> {
                            List<CreditBalance> changed = batch.stream()
                                    .filter(VoucherRecomputation::recompute)
                                    .toList();
                            return Multi.createFrom()
                                    .iterable(changed)
                                    .onItem()
                                    .transformToUniAndConcatenate(r -> events.updated(r, requestedBy))
                                    .collect()
                                    .last()
                                    .map(ignored -> new Batch(
                                            batch.size(),
                                            batch.isEmpty() ? afterId : batch.get(batch.size() - 1).id,
                                            changed.size()));
                        }))
                // vouchers are searched: list totals may change with them
                .call(batch -> batch.changed() > 0
                        ? totalsCache.invalidate()
                        : Uni.createFrom().voidItem())
                .chain(batch -> {
                    Result next = new Result(soFar.records() + batch.size(), soFar.changed() + batch.changed());
                    return batch.size() < BATCH
                            ? Uni.createFrom().item(next)
                            : batchFrom(batch.lastId(), requestedBy, next);
                });
    }

    private record Batch(int size, long lastId, int changed) {}

    /** Sets the rule's voucher; true when it differed from the stored one. */
    private static boolean recompute(CreditBalance record) {
        String voucher =
                VoucherRule.voucherNumber(Center.parse(record.center).orElse(null), record.clientCode, record.phoneNo);
        if (Objects.equals(voucher, record.voucherNumber)) {
            return false;
        }
        record.voucherNumber = voucher;
        record.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return true;
    }
}
