package com.clinicsuite.notification.repository;

import com.clinicsuite.vocabulary.ReminderChannel;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MessageTemplateRepository implements PanacheRepositoryBase<MessageTemplate, Long> {

    public Uni<MessageTemplate> findByPharmacyAndChannel(long pharmacyId, ReminderChannel channel, String language) {
        return find("pharmacyId = ?1 and channel = ?2 and language = ?3", pharmacyId, channel, language)
                .firstResult();
    }
}
