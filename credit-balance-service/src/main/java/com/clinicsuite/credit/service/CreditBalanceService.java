package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CreditBalance;
import com.clinicsuite.credit.repository.CreditBalanceFilter;
import com.clinicsuite.credit.repository.CreditBalanceRepository;
import com.clinicsuite.credit.repository.CreditBalanceView;
import com.clinicsuite.credit.repository.Page;
import com.clinicsuite.web.errors.NotAllowed;
import com.clinicsuite.web.errors.NotFound;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Reading and changing credit balances within the caller's center scope; every change emits its event. */
@ApplicationScoped
public class CreditBalanceService {

    private final CreditBalanceRepository repository;
    private final CreditBalanceEvents events;
    private final CenterScope scope;
    private final TotalsCache totalsCache;

    public CreditBalanceService(
            CreditBalanceRepository repository,
            CreditBalanceEvents events,
            CenterScope scope,
            TotalsCache totalsCache) {
        this.repository = repository;
        this.events = events;
        this.scope = scope;
        this.totalsCache = totalsCache;
    }

    /**
     * A page of the records the caller may see; staff asking for another center get 403.
     * <p>
     * No session around the whole: the change version is read by the SQL client and the count in a session of its
     * own (when not cached), each borrowing a connection for its statement only; the request's session (and its
     * connection) is opened for the page alone. A session held from the start would hold a connection while those
     * borrow another, and with as many requests as the pool has connections every one of them would wait for a
     * connection none gives back.
     */
    public Uni<Page<CreditBalanceView>> list(CreditBalanceFilter filter, int skip, int limit) {
        return Uni.createFrom().deferred(() -> {
            String center = scope.restriction()
                    .map(own -> {
                        if (filter.center() != null && !filter.center().equals(own)) {
                            throw new NotAllowed("You can only list records of your center (" + own + ")");
                        }
                        return own;
                    })
                    .orElse(filter.center());
            return page(filter.withCenter(center), skip, limit);
        });
    }

    /** The records of the caller's own center; 400 when the caller has none. */
    public Uni<Page<CreditBalanceView>> listOwnCenter(int skip, int limit) {
        return Uni.createFrom().deferred(() -> page(CreditBalanceFilter.ofCenter(scope.ownCenter()), skip, limit));
    }

    /**
     * A page and the exact number of all matches. The number comes first: cached per filter and the change version
     * of its scope (see {@link TotalsCache#count}), it tells whether there is a page to read at all and which way to
     * read it (see {@link CreditBalanceRepository#pageItems}). The version is read before the count, so a count that
     * raced a change is stored under the version before it, which nobody asks for after it.
     */
    private Uni<Page<CreditBalanceView>> page(CreditBalanceFilter filter, int skip, int limit) {
        return repository
                .changeVersion(filter.center())
                .chain(scope -> totalsCache
                        .count(scope.version(), filter)
                        .chain(total -> total == 0 || skip >= total
                                ? Uni.createFrom().item(new Page<>(List.<CreditBalanceView>of(), total))
                                : Panache.withSession(
                                                () -> repository.pageItems(filter, skip, limit, total, scope.records()))
                                        .map(items -> new Page<>(items, total))));
    }

    @WithSession
    public Uni<CreditBalance> get(long id) {
        return findAccessible(id);
    }

    public Uni<CreditBalance> create(CreditBalanceInput input) {
        CreditBalance record = new CreditBalance();
        CreditBalanceEditor.apply(input, record);
        scope.requireAccess(record.center);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        record.createdAt = now;
        record.updatedAt = now;
        return Panache.withTransaction(
                        () -> repository.persist(record).call(saved -> events.created(saved, scope.username())))
                .call(totalsCache::invalidate);
    }

    public Uni<CreditBalance> update(long id, CreditBalanceInput input) {
        return Panache.withTransaction(() -> findAccessible(id).call(record -> {
                    CreditBalanceEditor.apply(input, record);
                    scope.requireAccess(record.center); // staff cannot move a record to another center either
                    record.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return events.updated(record, scope.username());
                }))
                .call(totalsCache::invalidate);
    }

    public Uni<Void> delete(long id) {
        return Panache.withTransaction(() -> findAccessible(id)
                        .call(record -> events.deleted(record, scope.username()))
                        .call(repository::delete))
                .call(totalsCache::invalidate)
                .replaceWithVoid();
    }

    private Uni<CreditBalance> findAccessible(long id) {
        return repository
                .findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("Credit balance " + id + " not found"))
                .invoke(record -> scope.requireAccess(record.center));
    }
}
