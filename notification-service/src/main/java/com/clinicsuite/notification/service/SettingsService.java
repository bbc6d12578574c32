package com.clinicsuite.notification.service;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.notifications.ChannelConfigured;
import com.clinicsuite.notification.client.ChannelSettings;
import com.clinicsuite.notification.client.ReminderLanguage;
import com.clinicsuite.notification.repository.NotificationSettings;
import com.clinicsuite.notification.repository.NotificationSettingsRepository;
import com.clinicsuite.notification.service.NotificationSettingsUpdate.SecretChange;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.web.errors.ApiError;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads and changes a pharmacy's reminder channels and default language; every change is announced as
 * ChannelConfigured (debtor-service names the language of accounts without one from it), with the letterhead (name,
 * contact phone, bank details) that debtor-service prints on statements.
 */
@ApplicationScoped
public class SettingsService {

    private static final Logger LOG = Logger.getLogger(SettingsService.class);
    static final String CHANNELS_CACHE = "channel-settings";

    private final NotificationSettingsRepository repository;
    private final SecretCipher cipher;
    private final Outbox outbox;

    public SettingsService(NotificationSettingsRepository repository, SecretCipher cipher, Outbox outbox) {
        this.repository = repository;
        this.cipher = cipher;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<NotificationSettingsView> view(long pharmacyId) {
        return channels(pharmacyId).map(SettingsService::toView);
    }

    /**
     * The decrypted settings the senders use; {@link ChannelSettings#none} when the pharmacy has none. Cached
     * briefly (every reminder needs them); a change through this replica invalidates at once, other replicas when
     * its ChannelConfigured event reaches them ({@link #forget}), at the latest after the cache's expiry.
     */
    @CacheResult(cacheName = CHANNELS_CACHE)
    public Uni<ChannelSettings> channels(long pharmacyId) {
        return repository
                .findByPharmacy(pharmacyId)
                .map(s -> s == null ? ChannelSettings.none(pharmacyId) : channelSettings(s, cipher));
    }

    /** Drops the cached settings of a pharmacy: another instance changed them (SettingsChangeListener). */
    @CacheInvalidate(cacheName = CHANNELS_CACHE)
    public Uni<Void> forget(@CacheKey long pharmacyId) {
        return Uni.createFrom().voidItem();
    }

    @WithTransaction
    @CacheInvalidate(cacheName = CHANNELS_CACHE)
    public Uni<NotificationSettingsView> update(
            @CacheKey long pharmacyId, NotificationSettingsUpdate update, String username) {
        return repository.findByPharmacy(pharmacyId).chain(existing -> {
            NotificationSettings s = existing != null ? existing : new NotificationSettings();
            s.pharmacyId = pharmacyId;
            s.emailProvider = blankToNull(update.emailProvider);
            s.fromEmail = blankToNull(update.fromEmail);
            s.fromName = blankToNull(update.fromName);
            s.replyTo = blankToNull(update.replyTo);
            s.sendgridApiKeyEnc = apply(update.sendgridApiKeyChange(), s.sendgridApiKeyEnc);
            s.smsProvider = blankToNull(update.smsProvider);
            s.smsportalClientId = blankToNull(update.smsportalClientId);
            s.smsportalApiSecretEnc = apply(update.smsportalApiSecretChange(), s.smsportalApiSecretEnc);
            s.smsSenderId = blankToNull(update.smsSenderId);
            s.displayName = blankToNull(update.displayName);
            s.contactPhone = blankToNull(update.contactPhone);
            s.bankDetails = blankToNull(update.bankDetails);
            if (update.defaultLanguage != null) { // left out (an older client): keep it
                s.defaultLanguage = update.defaultLanguage;
            }
            s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            s.updatedBy = username;
            ChannelSettings channels = channelSettings(s, cipher);
            requireComplete(channels);
            LOG.infof(
                    "Pharmacy %d notification settings changed: email %s, sms %s",
                    pharmacyId, channels.emailConfigured(), channels.smsConfigured());
            return repository
                    .persist(s)
                    .chain(() -> outbox.publish(
                            EventCatalog.CHANNEL_CONFIGURED,
                            Long.toString(pharmacyId),
                            new ChannelConfigured(
                                    pharmacyId,
                                    channels.emailConfigured(),
                                    channels.smsConfigured(),
                                    channels.defaultLanguage().code(),
                                    // debtor-service prints it on statements of account
                                    new ChannelConfigured.Letterhead(
                                            channels.letterheadName(),
                                            channels.contactPhone(),
                                            channels.bankDetails()))))
                    .replaceWith(toView(channels));
        });
    }

    /** A provider named without what it needs to send is a mistake the caller should hear about (422). */
    private static void requireComplete(ChannelSettings c) {
        List<ApiError.FieldError> errors = new ArrayList<>();
        if (c.emailProvider() != null && c.fromEmail() == null) {
            errors.add(new ApiError.FieldError("from_email", "is required to send e-mail"));
        }
        if (ChannelSettings.SENDGRID.equals(c.emailProvider()) && c.sendgridApiKey() == null) {
            errors.add(new ApiError.FieldError("sendgrid_api_key", "is required for the sendgrid provider"));
        }
        if (c.smsProvider() != null && c.smsportalClientId() == null) {
            errors.add(new ApiError.FieldError("smsportal_client_id", "is required for the smsportal provider"));
        }
        if (c.smsProvider() != null && c.smsportalApiSecret() == null) {
            errors.add(new ApiError.FieldError("smsportal_api_secret", "is required for the smsportal provider"));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableEntityException(
                    errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }

    private String apply(SecretChange change, String stored) {
        return switch (change.kind()) {
            case KEEP -> stored;
            case CLEAR -> null;
            case SET -> cipher.encrypt(change.value());
        };
    }

    private static NotificationSettingsView toView(ChannelSettings c) {
        return new NotificationSettingsView(
                c.emailProvider(),
                c.fromEmail(),
                c.fromName(),
                c.replyTo(),
                c.sendgridApiKey() == null ? null : SecretCipher.mask(c.sendgridApiKey()),
                c.smsProvider(),
                c.smsportalClientId(),
                c.smsportalApiSecret() == null ? null : SecretCipher.mask(c.smsportalApiSecret()),
                c.smsSenderId(),
                c.displayName(),
                c.contactPhone(),
                c.bankDetails(),
                c.emailConfigured(),
                c.smsConfigured(),
                c.defaultLanguage().code());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What the senders need of a pharmacy's settings, secrets decrypted. */
    static ChannelSettings channelSettings(NotificationSettings s, SecretCipher cipher) {
        return new ChannelSettings(
                s.pharmacyId,
                s.emailProvider,
                s.fromEmail,
                s.fromName,
                s.replyTo,
                s.sendgridApiKeyEnc == null ? null : cipher.decrypt(s.sendgridApiKeyEnc),
                s.smsProvider,
                s.smsportalClientId,
                s.smsportalApiSecretEnc == null ? null : cipher.decrypt(s.smsportalApiSecretEnc),
                s.smsSenderId,
                s.displayName,
                s.contactPhone,
                s.bankDetails,
                ReminderLanguage.fromCode(s.defaultLanguage).orElse(ReminderLanguage.EN));
    }
}
