package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.config.ReminderConfig;
import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.repository.Communication;
import com.clinicsuite.debtor.repository.CommunicationRepository;
import com.clinicsuite.debtor.repository.ContactPreference;
import com.clinicsuite.debtor.repository.ContactPreferenceRepository;
import com.clinicsuite.debtor.repository.Debtor;
import com.clinicsuite.debtor.repository.DebtorRepository;
import com.clinicsuite.debtor.repository.Language;
import com.clinicsuite.debtor.repository.PaymentPromise;
import com.clinicsuite.debtor.repository.PaymentPromiseRepository;
import com.clinicsuite.debtor.repository.PharmacyRepository;
import com.clinicsuite.debtor.repository.SmsOptOutRepository;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.web.errors.Rejected;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks each debtor of a reminder request and, for those that pass, records a queued history row and publishes
 * {@code ReminderRequested} in the same transaction. notification-service delivers; its status events move the
 * history row on ({@link DeliveryStatusTracker}).
 */
@ApplicationScoped
public class ReminderRequests {

    private final PharmacyDirectory directory;
    private final ReminderChannels channels;
    private final DebtorRepository debtors;
    private final CommunicationRepository communications;
    private final SmsOptOutRepository optOuts;
    private final Outbox outbox;
    private final AccountStatements statements;
    private final ReminderConfig config;
    private final ContactPreferenceRepository preferences;
    private final PaymentPromiseRepository promises;
    private final AccountLanguages languages;
    private final PharmacyRepository pharmacies;

    public ReminderRequests(
            PharmacyDirectory directory,
            ReminderChannels channels,
            DebtorRepository debtors,
            CommunicationRepository communications,
            SmsOptOutRepository optOuts,
            Outbox outbox,
            AccountStatements statements,
            ReminderConfig config,
            ContactPreferenceRepository preferences,
            PaymentPromiseRepository promises,
            AccountLanguages languages,
            PharmacyRepository pharmacies) {
        this.directory = directory;
        this.channels = channels;
        this.debtors = debtors;
        this.communications = communications;
        this.optOuts = optOuts;
        this.outbox = outbox;
        this.statements = statements;
        this.config = config;
        this.preferences = preferences;
        this.promises = promises;
        this.languages = languages;
        this.pharmacies = pharmacies;
    }

    /** The collections facts of the requested accounts: preferences, open promises, the pharmacy's language. */
    private record AccountFacts(
            Map<String, ContactPreference> preferences,
            Map<String, PaymentPromise> openPromises,
            Language pharmacyLanguage,
            LocalDate today) {

        Language languageOf(String accNo) {
            ContactPreference p = preferences.get(accNo);
            return p == null ? pharmacyLanguage : Language.fromCode(p.language).orElse(pharmacyLanguage);
        }
    }

    /** What a request decides about one debtor, before anything is written. */
    private record Decision(long debtorId, Debtor debtor, String refusal, BigDecimal amountDue, Language language) {}

    /** What the checks read besides the debtors themselves: opted-out numbers, recent reminders, account facts. */
    private record Blocks(Set<String> optedOut, Set<String> coolingDown, AccountFacts facts) {}

    /**
     * @param bearerToken the caller's access token, for asking notification-service when the view of the pharmacy's
     *     channels says "not configured" ({@link ReminderChannels})
     */
    @WithTransaction
    public Uni<ReminderOutcome> request(
            long pharmacyId, ReminderChannel channel, ReminderCommand command, String requestedBy, String bearerToken) {
        Set<Long> ids = new LinkedHashSet<>(command.debtorIds());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return requireChannel(pharmacyId, channel, bearerToken)
                .chain(() -> lockAndFind(pharmacyId, ids))
                .chain(found -> decideAll(pharmacyId, channel, command, ids, found, now))
                .chain(decisions -> carryOut(pharmacyId, channel, command, decisions, requestedBy, now));
    }

    private Uni<Void> requireChannel(long pharmacyId, ReminderChannel channel, String bearerToken) {
        return directory
                .require(pharmacyId)
                .chain(() -> channels.isConfigured(pharmacyId, channel, bearerToken))
                .invoke(configured -> {
                    if (!configured) {
                        throw new Rejected("Pharmacy " + pharmacyId + " has no " + channel.label()
                                + " channel configured: set it up in the notification settings first");
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Cool-down checked and recorded atomically: requests (and policy runs) of one pharmacy take its row lock first,
     * so a second one reads the reminders the first committed (issue 18.6).
     */
    private Uni<List<Debtor>> lockAndFind(long pharmacyId, Set<Long> ids) {
        return pharmacies.lockForUpdate(pharmacyId).chain(() -> debtors.findInPharmacy(pharmacyId, ids));
    }

    /** One decision per requested id, in the order of the request. */
    private Uni<List<Decision>> decideAll(
            long pharmacyId,
            ReminderChannel channel,
            ReminderCommand command,
            Set<Long> ids,
            List<Debtor> found,
            OffsetDateTime now) {
        Map<Long, Debtor> byId = found.stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
        return blocks(pharmacyId, channel, command, found, now)
                .map(blocks -> ids.stream()
                        .map(id -> decide(
                                id,
                                byId.get(id),
                                channel,
                                command,
                                blocks.optedOut(),
                                blocks.coolingDown(),
                                blocks.facts()))
                        .toList());
    }

    private Uni<Blocks> blocks(
            long pharmacyId, ReminderChannel channel, ReminderCommand command, List<Debtor> found, OffsetDateTime now) {
        Set<String> accNos = found.stream().map(d -> d.accNo).collect(Collectors.toSet());
        Set<String> numbers =
                found.stream().map(d -> d.phoneDigits).filter(Objects::nonNull).collect(Collectors.toSet());
        Uni<Set<String>> optedOut = channel == ReminderChannel.SMS
                ? optOuts.optedOut(pharmacyId, numbers)
                : Uni.createFrom().item(Set.of());
        Uni<Set<String>> coolingDown = command.force()
                ? Uni.createFrom().item(Set.of())
                : communications.remindedSince(pharmacyId, accNos, channel, now.minus(config.coolDown()));
        LocalDate today = now.atZoneSameInstant(PolicySettings.DEFAULT_ZONE).toLocalDate();
        // one session: the queries run one after the other
        return optedOut.chain(blocked -> coolingDown.chain(
                recent -> accountFacts(pharmacyId, accNos, today).map(facts -> new Blocks(blocked, recent, facts))));
    }

    private Uni<AccountFacts> accountFacts(long pharmacyId, Set<String> accNos, LocalDate today) {
        return preferences
                .byAccount(pharmacyId, accNos)
                .chain(prefs -> promises.openByAccount(pharmacyId, accNos)
                        .chain(open -> languages
                                .pharmacyDefault(pharmacyId)
                                .map(language -> new AccountFacts(prefs, open, language, today))));
    }

    /** Queues every passing decision (history row and event), in order, and answers what was queued or refused. */
    private Uni<ReminderOutcome> carryOut(
            long pharmacyId,
            ReminderChannel channel,
            ReminderCommand command,
            List<Decision> decisions,
            String requestedBy,
            OffsetDateTime now) {
        List<ReminderOutcome.Queued> queued = new ArrayList<>();
        List<ReminderOutcome.Refused> refused = new ArrayList<>();
        return Multi.createFrom()
                .iterable(decisions)
                .onItem()
                .transformToUniAndConcatenate(d -> {
                    if (d.refusal() != null) {
                        refused.add(new ReminderOutcome.Refused(d.debtorId(), d.refusal()));
                        return Uni.createFrom().voidItem();
                    }
                    return queue(pharmacyId, channel, command, d, requestedBy, now)
                            .invoke(queued::add)
                            .replaceWithVoid();
                })
                .collect()
                .last()
                .map(ignored -> new ReminderOutcome(queued, refused));
    }

    private Decision decide(
            long id,
            Debtor debtor,
            ReminderChannel channel,
            ReminderCommand command,
            Set<String> optedOut,
            Set<String> coolingDown,
            AccountFacts account) {
        List<AgeingBucket> buckets = command.buckets();
        if (debtor == null) {
            return refused(id, "Debtor " + id + " not found in this pharmacy");
        }
        if (debtor.medicalAidControl) {
            return refused(id, "Medical-aid control accounts are not reminded");
        }
        ContactPreference preference = account.preferences().get(debtor.accNo);
        if (preference != null && preference.doNotContact) {
            return refused(id, "do_not_contact: the account is marked not to be contacted");
        }
        PaymentPromise promise = account.openPromises().get(debtor.accNo);
        if (promise != null && !command.force() && !promise.dueDate.isBefore(account.today())) {
            return refused(
                    id,
                    "open_promise: the account promised to pay " + promise.amount.toPlainString() + " by "
                            + promise.dueDate + "; send with \"force\": true to remind anyway");
        }
        if (channel == ReminderChannel.EMAIL && debtor.email == null) {
            return refused(id, "No e-mail address");
        }
        if (channel == ReminderChannel.SMS && debtor.phone == null) {
            return refused(id, "No phone number");
        }
        if (channel == ReminderChannel.SMS && debtor.phoneDigits == null) {
            return refused(id, "The phone number is not a South African number an SMS can reach");
        }
        if (channel == ReminderChannel.SMS && optedOut.contains(debtor.phoneDigits)) {
            return refused(id, "The number opted out of SMS from this pharmacy");
        }
        BigDecimal amountDue = ReminderValues.of(debtor, buckets).amountDue();
        if (amountDue.signum() <= 0) {
            return refused(
                    id,
                    "Nothing owed in " + buckets.stream().map(AgeingBucket::key).collect(Collectors.joining(", ")));
        }
        if (coolingDown.contains(debtor.accNo)) {
            return refused(
                    id,
                    "Already reminded by " + channel.label() + " within "
                            + config.coolDown().toHours() + "h; send with \"force\": true to remind again");
        }
        return new Decision(id, debtor, null, amountDue, account.languageOf(debtor.accNo));
    }

    private static Decision refused(long id, String reason) {
        return new Decision(id, null, reason, null, null);
    }

    private Uni<ReminderOutcome.Queued> queue(
            long pharmacyId,
            ReminderChannel channel,
            ReminderCommand command,
            Decision decision,
            String requestedBy,
            OffsetDateTime now) {
        Debtor debtor = decision.debtor();
        return (command.attachStatement() && channel == ReminderChannel.EMAIL
                        ? statements.eventData(debtor, decision.language())
                        : Uni.createFrom().<ReminderRequested.StatementOfAccount>nullItem())
                .chain(statement ->
                        queue(pharmacyId, channel, command.buckets(), decision, requestedBy, now, statement));
    }

    private Uni<ReminderOutcome.Queued> queue(
            long pharmacyId,
            ReminderChannel channel,
            List<AgeingBucket> buckets,
            Decision decision,
            String requestedBy,
            OffsetDateTime now,
            ReminderRequested.StatementOfAccount statement) {
        Debtor debtor = decision.debtor();
        Communication row = new Communication();
        row.pharmacyId = pharmacyId;
        row.accNo = debtor.accNo;
        row.reminderId = UUID.randomUUID().toString();
        row.communicationType = channel;
        row.recipient = channel == ReminderChannel.EMAIL ? debtor.email : debtor.phoneDigits;
        row.amountDue = decision.amountDue();
        row.status = DeliveryStatus.QUEUED;
        row.requestedBy = requestedBy;
        row.statusAt = now;
        row.createdAt = now;
        // the same values a template preview of this debtor gets (ReminderContents)
        ReminderValues values = ReminderValues.of(debtor, buckets);
        ReminderRequested event = new ReminderRequested(
                row.reminderId,
                pharmacyId,
                values.debtorId(),
                values.accNo(),
                channel,
                row.recipient,
                values.debtorName(),
                values.amountDue(),
                values.buckets(),
                requestedBy,
                now.toInstant(),
                decision.language().code(),
                statement);
        return communications
                .persist(row)
                .chain(() -> outbox.publish(EventCatalog.REMINDER_REQUESTED, Long.toString(pharmacyId), event))
                .map(ignored -> new ReminderOutcome.Queued(
                        debtor.id,
                        channel == ReminderChannel.EMAIL ? debtor.email : debtor.phone,
                        row.reminderId,
                        row.status));
    }
}
