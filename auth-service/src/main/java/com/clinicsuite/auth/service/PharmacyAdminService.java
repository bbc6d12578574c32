package com.clinicsuite.auth.service;

import com.clinicsuite.auth.repository.Pharmacy;
import com.clinicsuite.auth.repository.PharmacyRepository;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.auth.PharmacyUpserted;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.web.errors.Conflict;
import com.clinicsuite.web.errors.NotFound;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Admin changes to pharmacies; every create or change is announced (pharmacy-upserted) through the outbox. */
@ApplicationScoped
public class PharmacyAdminService {

    private final PharmacyRepository pharmacies;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;

    public PharmacyAdminService(PharmacyRepository pharmacies, AuditTrail audit, Outbox outbox, Clock clock) {
        this.pharmacies = pharmacies;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<Pharmacy>> list() {
        return pharmacies.listByName();
    }

    @WithSession
    public Uni<Pharmacy> get(long id) {
        return pharmacies.findById(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    @WithTransaction
    public Uni<Pharmacy> create(Actor actor, PharmacyDetails details) {
        String name = UserRules.blankToNull(details.name());
        if (name == null) {
            throw new UnprocessableEntityException("name", "must not be blank");
        }
        String code = UserRules.blankToNull(details.code());
        return requireFreeCode(code, null)
                .chain(() -> {
                    Pharmacy pharmacy = new Pharmacy();
                    pharmacy.name = name;
                    pharmacy.code = code;
                    pharmacy.active = details.isActive() == null || details.isActive();
                    pharmacy.createdAt = now();
                    pharmacy.updatedAt = pharmacy.createdAt;
                    return pharmacies.persist(pharmacy);
                })
                .call(p -> announce(p))
                .call(p -> audit.record(actor, "pharmacy.created", "pharmacy", p.id, null));
    }

    @WithTransaction
    public Uni<Pharmacy> update(Actor actor, long id, PharmacyDetails details) {
        if (details.name() != null && details.name().isBlank()) {
            throw new UnprocessableEntityException("name", "must not be blank");
        }
        String code = details.code() == null ? null : UserRules.blankToNull(details.code());
        return pharmacies
                .findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> notFound(id))
                .call(p -> details.code() == null || Objects.equals(code, p.code)
                        ? Uni.createFrom().voidItem()
                        : requireFreeCode(code, id))
                .call(p -> {
                    List<String> changed = new ArrayList<>();
                    if (details.name() != null && !details.name().trim().equals(p.name)) {
                        p.name = details.name().trim();
                        changed.add("name");
                    }
                    if (details.code() != null && !Objects.equals(code, p.code)) {
                        p.code = code;
                        changed.add("code");
                    }
                    if (details.isActive() != null && details.isActive() != p.active) {
                        p.active = details.isActive();
                        changed.add("is_active=" + p.active);
                    }
                    if (changed.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    p.updatedAt = now();
                    return announce(p)
                            .chain(() -> audit.record(
                                    actor, "pharmacy.updated", "pharmacy", p.id, String.join(", ", changed)));
                });
    }

    private Uni<Void> announce(Pharmacy p) {
        return outbox.publish(
                        EventCatalog.PHARMACY_UPSERTED,
                        p.id.toString(),
                        new PharmacyUpserted(p.id, p.name, p.code, p.active))
                .replaceWithVoid();
    }

    private Uni<Void> requireFreeCode(String code, Long exceptId) {
        if (code == null) {
            return Uni.createFrom().voidItem();
        }
        return pharmacies
                .codeTaken(code, exceptId)
                .invoke(taken -> {
                    if (taken) {
                        throw new Conflict("Pharmacy code '" + code + "' is already in use");
                    }
                })
                .replaceWithVoid();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static NotFound notFound(long id) {
        return new NotFound("Pharmacy " + id + " not found");
    }
}
