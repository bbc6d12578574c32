package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.client.NotificationSettingsApi;
import com.clinicsuite.debtor.repository.PharmacyChannel;
import com.clinicsuite.debtor.repository.PharmacyChannelRepository;
import com.clinicsuite.events.notifications.ChannelConfigured;
import com.clinicsuite.vocabulary.ReminderChannel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Which channels each pharmacy configured in notification-service, so reminders are refused early (400).
 *
 * <p>The view follows notification-service's ChannelConfigured events, a second or so behind. So that a caller who
 * has just configured a channel is never refused on that lag (PUT notification-settings, then send-email at once),
 * a "not configured" of the view is checked with notification-service itself, which owns the settings: asked with the
 * caller's own bearer token (send-email needs the write grant that reading the settings needs; no service credential
 * to keep), short timeouts. When notification-service cannot answer, the view decides, as before. "Configured" in the
 * view is trusted without a call: a channel removed a moment ago fails at delivery, in the history.
 */
@ApplicationScoped
public class ReminderChannels {

    private static final Logger LOG = Logger.getLogger(ReminderChannels.class);

    private final PharmacyChannelRepository channels;
    private final NotificationSettingsApi notificationService;

    public ReminderChannels(
            PharmacyChannelRepository channels, @RestClient NotificationSettingsApi notificationService) {
        this.channels = channels;
        this.notificationService = notificationService;
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

    /**
     * @param bearerToken the caller's access token, forwarded to notification-service when the view says no; null
     *     to go by the view alone
     */
    public Uni<Boolean> isConfigured(long pharmacyId, ReminderChannel channel, String bearerToken) {
        return channels.findByPharmacy(pharmacyId)
                .map(row -> row != null && (channel == ReminderChannel.EMAIL ? row.emailConfigured : row.smsConfigured))
                .chain(configured -> configured || bearerToken == null
                        ? Uni.createFrom().item(configured)
                        : askNotificationService(pharmacyId, channel, bearerToken));
    }

    private Uni<Boolean> askNotificationService(long pharmacyId, ReminderChannel channel, String bearerToken) {
        return notificationService
                .settings(pharmacyId, "Bearer " + bearerToken)
                .map(settings ->
                        channel == ReminderChannel.EMAIL ? settings.emailConfigured() : settings.smsConfigured())
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.infof(
                            "notification-service did not confirm the channels of pharmacy %d (%s); going by the view",
                            pharmacyId, failure.getClass().getSimpleName());
                    return false;
                });
    }
}
