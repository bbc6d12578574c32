package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.PharmacyChannel;
import com.clinicsuite.debtor.repository.PharmacyChannelRepository;
import com.clinicsuite.events.notifications.ChannelConfigured;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Which channels each pharmacy configured in notification-service, so reminders are refused early (400). */
@ApplicationScoped
public class ReminderChannels {

    private final PharmacyChannelRepository channels;

    public ReminderChannels(PharmacyChannelRepository channels) {
        this.channels = channels;
    }

    /** Runs in the caller's (Inbox) transaction. */
    public Uni<Void> apply(ChannelConfigured event) {
        return channels.findByPharmacy(event.pharmacyId())
                .chain(existing -> {
                    PharmacyChannel row = existing != null ? existing : new PharmacyChannel();
                    row.pharmacyId = event.pharmacyId();
                    row.emailConfigured = event.emailConfigured();
                    row.smsConfigured = event.smsConfigured();
                    if (event.defaultLanguage() != null) { // events from before the field existed leave it
                        row.defaultLanguage = event.defaultLanguage();
                    }
                    row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return existing != null ? Uni.createFrom().item(row) : channels.persist(row);
                })
                .replaceWithVoid();
    }

    public Uni<Boolean> isConfigured(long pharmacyId, ReminderChannel channel) {
        return channels.findByPharmacy(pharmacyId)
                .map(row ->
                        row != null && (channel == ReminderChannel.EMAIL ? row.emailConfigured : row.smsConfigured));
    }
}
