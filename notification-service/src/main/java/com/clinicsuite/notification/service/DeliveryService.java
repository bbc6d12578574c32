package com.clinicsuite.notification.service;

import com.clinicsuite.documents.Statement;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.notification.client.ChannelSettings;
import com.clinicsuite.notification.client.ReminderLanguage;
import com.clinicsuite.notification.repository.Delivery;
import com.clinicsuite.notification.repository.DeliveryRepository;
import com.clinicsuite.notification.repository.SmsOptOutRepository;
import com.clinicsuite.outbox.PoisonMessageException;
import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.SaPhoneNumber;
import com.clinicsuite.vocabulary.StoredText;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Accepts requested reminders: one delivery row per reminder id (a repeat of the id changes nothing), rendered
 * with the pharmacy's template and left {@code queued} for {@link DeliveryDispatcher}; a reminder that cannot be
 * sent (no channel, bad address, opted out) is {@code failed} at once. Runs inside the consumer's inbox transaction.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final SmsOptOutRepository optOuts;
    private final SettingsService settings;
    private final TemplateService templates;
    private final ReminderTemplates renderer;
    private final DeliveryStatusEvents events;
    private final StatementAttachments statements;
    private final MeterRegistry registry;

    public DeliveryService(
            DeliveryRepository deliveries,
            SmsOptOutRepository optOuts,
            SettingsService settings,
            TemplateService templates,
            ReminderTemplates renderer,
            DeliveryStatusEvents events,
            StatementAttachments statements,
            MeterRegistry registry) {
        this.deliveries = deliveries;
        this.optOuts = optOuts;
        this.settings = settings;
        this.templates = templates;
        this.renderer = renderer;
        this.events = events;
        this.statements = statements;
        this.registry = registry;
    }

    public Uni<Void> accept(ReminderRequested reminder) {
        return deliveries.findByReminderId(reminder.reminderId()).chain(existing -> {
            if (existing != null) {
                registry.counter("notification.reminders.repeated").increment();
                LOG.debugf(
                        "Reminder %s is already known (%s); ignoring the repeat",
                        reminder.reminderId(), existing.status);
                return Uni.createFrom().voidItem();
            }
            return settings.channels(reminder.pharmacyId())
                    .chain(channels -> prepare(reminder, channels))
                    .chain(delivery -> deliveries.persist(delivery).chain(() -> events.publish(delivery)));
        });
    }

    private Uni<Delivery> prepare(ReminderRequested r, ChannelSettings channels) {
        if (r.channel() == null) { // the schema requires one; a channel outside the enum does not even deserialise
            throw new PoisonMessageException("Reminder " + r.reminderId() + " names no channel");
        }
        Delivery d = new Delivery();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        d.reminderId = r.reminderId();
        d.pharmacyId = r.pharmacyId();
        d.debtorId = r.debtorId();
        d.accNo = r.accNo() == null ? "" : r.accNo();
        d.channel = r.channel();
        d.recipient = r.recipient() == null ? "" : r.recipient().strip();
        d.requestedAt = r.requestedAt() == null ? null : r.requestedAt().atOffset(ZoneOffset.UTC);
        d.createdAt = now;
        d.updatedAt = now;
        d.status = DeliveryStatus.QUEUED;

        Optional<String> problem = Optional.empty();
        switch (d.channel) {
            case EMAIL -> {
                d.provider = channels.emailProvider();
                problem = !channels.emailConfigured()
                        ? Optional.of("No e-mail channel is configured for pharmacy " + r.pharmacyId())
                        : d.recipient.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                                ? Optional.empty()
                                : Optional.of("The recipient is not a valid e-mail address");
            }
            case SMS -> {
                d.provider = channels.smsProvider();
                Optional<SaPhoneNumber> number = SaPhoneNumber.parse(d.recipient);
                number.ifPresent(n -> d.recipient = n.internationalDigits());
                problem = !channels.smsConfigured()
                        ? Optional.of("No SMS channel is configured for pharmacy " + r.pharmacyId())
                        : number.isEmpty()
                                ? Optional.of("The recipient is not a South African mobile number")
                                : Optional.empty();
                if (problem.isEmpty()) {
                    return optOuts.isOptedOut(r.pharmacyId(), number.get().nationalDigits())
                            .chain(optedOut -> optedOut
                                    ? Uni.createFrom()
                                            .item(fail(d, "The number opted out of this pharmacy's SMS (opted out)"))
                                    : render(d, r, channels));
                }
            }
        }
        return problem.isPresent() ? Uni.createFrom().item(fail(d, problem.get())) : render(d, r, channels);
    }

    private Uni<Delivery> render(Delivery d, ReminderRequested r, ChannelSettings channels) {
        // the account's language as debtor-service resolved it; reminders from before it did: the pharmacy's default
        ReminderLanguage language = ReminderLanguage.fromCode(r.language()).orElse(channels.defaultLanguage());
        d.language = language.code();
        // the statement is fixed now (account and letterhead) and rendered to PDF when the e-mail is sent
        Statement statement = statements.describe(r, channels);
        d.statement = statement == null ? null : statements.store(statement);
        ReminderContent content = TemplateService.withPharmacy(
                new ReminderContent(
                        r.debtorName(),
                        r.accNo(),
                        r.amountDue(),
                        r.buckets(),
                        null,
                        null,
                        null,
                        language,
                        statement == null ? null : statement.fileName()),
                channels);
        return templates
                .effective(r.pharmacyId(), d.channel, language)
                .chain(source -> renderer.render(d.channel, source, content))
                .map(message -> {
                    d.subject = message.subject();
                    d.bodyHtml = message.html();
                    d.bodyText = message.text();
                    return d;
                })
                // a stored template that breaks the sandbox's rules (saved before them) fails this reminder only
                .onFailure(UnprocessableEntityException.class)
                .recoverWithItem(e -> fail(d, "The pharmacy's template cannot be rendered: " + e.getMessage()));
    }

    private static Delivery fail(Delivery d, String error) {
        d.status = DeliveryStatus.FAILED;
        d.error = StoredText.cut(error, 1000);
        return d;
    }
}
