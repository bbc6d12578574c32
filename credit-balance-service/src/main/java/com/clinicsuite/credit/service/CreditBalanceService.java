package com.clinicsuite.credit.service;

import com.clinicsuite.credit.repository.CreditBalance;
import com.clinicsuite.credit.repository.CreditBalanceFilter;
import com.clinicsuite.credit.repository.CreditBalanceRepository;
import com.clinicsuite.credit.repository.CreditBalanceView;
import com.clinicsuite.credit.repository.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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

    /** A page of the records the caller may see; staff asking for another center get 403. */
    @WithSession
    public Uni<Page<CreditBalanceView>> list(CreditBalanceFilter filter, int skip, int limit) {
        String center = scope.restriction()
                .map(own -> {
                    if (filter.center() != null && !filter.center().equals(own)) {
                        throw new ForbiddenException("You can only list records of your center (" + own + ")");
                    }
                    return own;
                })
                .orElse(filter.center());
        return page(filter.withCenter(center), skip, limit);
    }

    /** The records of the caller's own center; 400 when the caller has none. */
    @WithSession
    public Uni<Page<CreditBalanceView>> listOwnCenter(int skip, int limit) {
        return page(CreditBalanceFilter.ofCenter(scope.ownCenter()), skip, limit);
    }

    /**
     * A page and the exact number of all matches: counted only when the page does not tell it (a page shorter than
     * asked, and not empty, is the last one), and then cached until the next change (see {@link TotalsCache}).
     */
    private Uni<Page<CreditBalanceView>> page(CreditBalanceFilter filter, int skip, int limit) {
        long generation = totalsCache.generation();
        return repository.pageItems(filter, skip, limit).chain(items -> {
            if (!items.isEmpty() && items.size() < limit) {
                return Uni.createFrom().item(new Page<>(items, (long) skip + items.size()));
            }
            return repository.countMatching(generation, filter).map(total -> new Page<>(items, total));
        });
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
                .failWith(() -> new NotFoundException("Credit balance " + id + " not found"))
                .invoke(record -> scope.requireAccess(record.center));
    }
}
