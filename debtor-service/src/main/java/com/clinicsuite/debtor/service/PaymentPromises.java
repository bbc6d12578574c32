package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.DebtorReport;
import com.clinicsuite.debtor.repository.PaymentPromise;
import com.clinicsuite.debtor.repository.PaymentPromiseRepository;
import com.clinicsuite.debtor.repository.ReportSnapshots;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.PromiseToPayChanged;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.web.errors.Conflict;
import com.clinicsuite.web.errors.NotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Promises to pay, keyed by account. Staff make and cancel them; later reports decide them (see {@link #decide}).
 * Every change is published as {@code PromiseToPayChanged} in its transaction.
 */
@ApplicationScoped
public class PaymentPromises {

    private static final Logger LOG = Logger.getLogger(PaymentPromises.class);

    private final AccountLookup accounts;
    private final PaymentPromiseRepository promises;
    private final ReportSnapshots snapshots;
    private final CollectionsVersion version;
    private final Outbox outbox;
    private final Clock clock;

    public PaymentPromises(
            AccountLookup accounts,
            PaymentPromiseRepository promises,
            ReportSnapshots snapshots,
            CollectionsVersion version,
            Outbox outbox,
            Clock clock) {
        this.accounts = accounts;
        this.promises = promises;
        this.snapshots = snapshots;
        this.version = version;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<PaymentPromise>> list(long pharmacyId, long debtorId) {
        return accounts.require(pharmacyId, debtorId).chain(debtor -> promises.ofAccount(pharmacyId, debtor.accNo));
    }

    /**
     * A new open promise (amount and due date already validated); 409 when the account has an open one. The account's
     * current overdue balance is the baseline later reports are compared with.
     */
    @WithTransaction
    public Uni<PaymentPromise> make(long pharmacyId, long debtorId, BigDecimal amount, LocalDate dueDate, String by) {
        return accounts.require(pharmacyId, debtorId)
                .chain(debtor -> promises.openOf(pharmacyId, debtor.accNo).chain(open -> {
                    if (open != null) {
                        throw new Conflict("Account " + debtor.accNo + " already has an open promise (id " + open.id
                                + "): cancel it before making another");
                    }
                    PaymentPromise promise = new PaymentPromise();
                    promise.pharmacyId = pharmacyId;
                    promise.accNo = debtor.accNo;
                    promise.amount = amount;
                    promise.dueDate = dueDate;
                    promise.status = PaymentPromise.OPEN;
                    promise.overdueAtPromise = debtor.arrears;
                    promise.createdBy = by;
                    promise.createdAt = OffsetDateTime.now(clock);
                    return promises.persist(promise)
                            .call(() -> version.bump(pharmacyId))
                            .call(p -> published(p, null, by));
                }));
    }

    /** Cancels an open promise of the account: 404 when it is not the account's, 409 when no longer open. */
    @WithTransaction
    public Uni<Void> cancel(long pharmacyId, long debtorId, long promiseId, String by) {
        return accounts.require(pharmacyId, debtorId)
                .chain(debtor -> promises.findById(promiseId).chain(promise -> {
                    if (promise == null || promise.pharmacyId != pharmacyId || !promise.accNo.equals(debtor.accNo)) {
                        throw new NotFound("Promise " + promiseId + " not found for debtor " + debtorId);
                    }
                    if (!promise.isOpen()) {
                        throw new Conflict("Promise " + promiseId + " is " + promise.status
                                + ": only an open promise can be" + " cancelled");
                    }
                    promise.status = PaymentPromise.CANCELLED;
                    promise.resolvedAt = OffsetDateTime.now(clock);
                    return version.bump(pharmacyId).chain(() -> published(promise, null, by));
                }))
                .replaceWithVoid();
    }

    /**
     * Decides the pharmacy's open promises made before the report completed, against its snapshot (in the caller's
     * transaction): kept when the report is dated on or before due date + 7 days and shows the overdue balance
     * reduced by at least the amount (by all of it when the promise was larger than the overdue balance; an account
     * no longer reported owes nothing); broken when the report is dated later and does not. Others stay open.
     *
     * @return how many promises changed
     */
    public Uni<Integer> decide(DebtorReport report, LocalDate reportDate) {
        return promises.openMadeBefore(report.pharmacyId, report.completedAt).chain(open -> {
            if (open.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return snapshots
                    .overdueIn(report.id, open.stream().map(p -> p.accNo).toList())
                    .chain(overdue -> decideAll(report, reportDate, open, overdue));
        });
    }

    private Uni<Integer> decideAll(
            DebtorReport report, LocalDate reportDate, List<PaymentPromise> open, Map<String, BigDecimal> overdue) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<PaymentPromise> changed = open.stream()
                .filter(p -> {
                    BigDecimal overdueNow = overdue.getOrDefault(p.accNo, BigDecimal.ZERO);
                    BigDecimal target = p.amount.min(p.overdueAtPromise.max(BigDecimal.ZERO));
                    boolean paid = p.overdueAtPromise.subtract(overdueNow).compareTo(target) >= 0;
                    boolean inTime = !reportDate.isAfter(p.lastDayToKeep());
                    if (paid && inTime) {
                        p.status = PaymentPromise.KEPT;
                    } else if (!inTime) {
                        p.status = PaymentPromise.BROKEN;
                    } else {
                        return false;
                    }
                    p.resolvedAt = now;
                    p.resolvedByReportId = report.id;
                    return true;
                })
                .toList();
        if (changed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        LOG.infof("Report %d decided %d promises of pharmacy %d", report.id, changed.size(), report.pharmacyId);
        return Multi.createFrom()
                .iterable(changed)
                .onItem()
                .transformToUniAndConcatenate(p -> published(p, report.id, null))
                .collect()
                .last()
                .chain(() -> version.bump(report.pharmacyId))
                .replaceWith(changed.size());
    }

    private Uni<?> published(PaymentPromise p, Long reportId, String by) {
        return outbox.publish(
                EventCatalog.PROMISE_TO_PAY_CHANGED,
                Long.toString(p.pharmacyId),
                new PromiseToPayChanged(
                        p.id,
                        p.pharmacyId,
                        p.accNo,
                        p.amount,
                        p.dueDate,
                        p.status,
                        reportId,
                        by,
                        (p.resolvedAt != null ? p.resolvedAt : p.createdAt).toInstant()));
    }
}
