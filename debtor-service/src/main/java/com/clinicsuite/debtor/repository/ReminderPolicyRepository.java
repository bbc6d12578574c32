package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ReminderPolicyRepository implements PanacheRepository<ReminderPolicy> {

    public Uni<ReminderPolicy> ofPharmacy(long pharmacyId) {
        return find("pharmacyId", pharmacyId).firstResult();
    }

    /** Enabled policies with this trigger (the scheduler reads the schedule ones). */
    public Uni<List<ReminderPolicy>> enabledWithTrigger(String trigger) {
        return list("enabled = true and trigger = ?1", trigger);
    }
}
