package com.clinicsuite.notification.service;

import com.clinicsuite.notification.client.ChannelSettings;
import com.clinicsuite.notification.client.ReminderLanguage;
import com.clinicsuite.notification.repository.MessageTemplate;
import com.clinicsuite.notification.repository.MessageTemplateRepository;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A pharmacy's stored reminder templates per channel and language, falling back to the built-in ones. */
@ApplicationScoped
public class TemplateService {

    static final String TEMPLATES_CACHE = "reminder-templates";

    private final MessageTemplateRepository repository;
    private final ReminderTemplates templates;
    private final SettingsService settings;

    public TemplateService(
            MessageTemplateRepository repository, ReminderTemplates templates, SettingsService settings) {
        this.repository = repository;
        this.templates = templates;
        this.settings = settings;
    }

    /** A stored template, or null when the pharmacy uses the built-in one of that language. */
    @WithSession
    public Uni<MessageTemplate> stored(long pharmacyId, ReminderChannel channel, ReminderLanguage language) {
        return repository.findByPharmacyAndChannel(pharmacyId, channel, language.code());
    }

    /**
     * The source that applies to the pharmacy's reminders on this channel in this language; cached like the channel
     * settings.
     */
    @CacheResult(cacheName = TEMPLATES_CACHE)
    public Uni<TemplateSource> effective(long pharmacyId, ReminderChannel channel, ReminderLanguage language) {
        return repository
                .findByPharmacyAndChannel(pharmacyId, channel, language.code())
                .map(t -> t == null
                        ? templates.defaultFor(channel, language)
                        : new TemplateSource(t.subject, t.bodyHtml, t.bodyText));
    }

    /**
     * Checks the template in the sandbox (parse, rules, a trial render with sample data) before a transaction is
     * opened, then stores it.
     */
    @CacheInvalidate(cacheName = TEMPLATES_CACHE)
    public Uni<MessageTemplate> save(
            @CacheKey long pharmacyId,
            @CacheKey ReminderChannel channel,
            @CacheKey ReminderLanguage language,
            TemplateSource source,
            String username) {
        TemplateSource normalized =
                channel == ReminderChannel.SMS ? new TemplateSource(null, null, source.text()) : source;
        return templates
                .validate(channel, normalized)
                .chain(() -> Panache.withTransaction(() -> repository
                        .findByPharmacyAndChannel(pharmacyId, channel, language.code())
                        .chain(existing -> {
                            MessageTemplate t = existing != null ? existing : new MessageTemplate();
                            t.pharmacyId = pharmacyId;
                            t.channel = channel;
                            t.language = language.code();
                            t.subject = normalized.subject();
                            t.bodyHtml = normalized.html() == null
                                            || normalized.html().isBlank()
                                    ? null
                                    : normalized.html();
                            t.bodyText = normalized.text();
                            t.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                            t.updatedBy = username;
                            return repository.persist(t);
                        })));
    }

    /**
     * Renders the stored (or a given, unsaved) template for a sample debtor, with the pharmacy's details, in the
     * sandbox on a worker thread.
     */
    @WithSession
    public Uni<RenderedMessage> preview(
            long pharmacyId, ReminderChannel channel, TemplateSource unsaved, ReminderContent debtor) {
        Uni<TemplateSource> source;
        if (unsaved != null) {
            TemplateSource s =
                    channel == ReminderChannel.SMS ? new TemplateSource(null, null, unsaved.text()) : unsaved;
            try {
                templates.requireParts(channel, s);
            } catch (UnprocessableEntityException e) {
                return Uni.createFrom().failure(e);
            }
            source = Uni.createFrom().item(s);
        } else {
            source = effective(pharmacyId, channel, debtor.language());
        }
        return source.chain(s ->
                settings.channels(pharmacyId).chain(c -> templates.render(channel, s, withPharmacy(debtor, c))));
    }

    static ReminderContent withPharmacy(ReminderContent debtor, ChannelSettings c) {
        return new ReminderContent(
                debtor.debtorName(),
                debtor.accNo(),
                debtor.amountDue(),
                debtor.buckets(),
                c.letterheadName(),
                c.contactPhone(),
                c.bankDetails(),
                debtor.language(),
                debtor.statementFile());
    }
}
