package com.clinicsuite.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class NotificationSettingsRepository implements PanacheRepositoryBase<NotificationSettings, Long> {

    public Uni<NotificationSettings> findByPharmacy(long pharmacyId) {
        return find("pharmacyId", pharmacyId).firstResult();
    }
}
