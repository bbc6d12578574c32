package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.repository.CommunicationRepository;
import com.clinicsuite.debtor.repository.ContactPreference;
import com.clinicsuite.debtor.repository.ContactPreferenceRepository;
import com.clinicsuite.debtor.repository.Language;
import com.clinicsuite.debtor.repository.PaymentPromise;
import com.clinicsuite.debtor.repository.PaymentPromiseRepository;
import com.clinicsuite.debtor.repository.PharmacyChannel;
import com.clinicsuite.debtor.repository.PharmacyChannelRepository;
import com.clinicsuite.debtor.repository.ReminderCandidates;
import com.clinicsuite.debtor.repository.ReminderCandidates.Candidate;
import com.clinicsuite.debtor.repository.ReminderRunRepository;
import com.clinicsuite.debtor.repository.SmsOptOutRepository;
import com.clinicsuite.vocabulary.ReminderChannel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides, for a pharmacy's policy at a moment, whom a run contacts on which channel and whom it skips and why. The
 * preview answers this without writing; a run queues the {@code wouldSend} part. Accounts owing nothing in the
 * policy's buckets are not considered at all; medical-aid control accounts never. Checks, first failing wins:
 * {@code do_not_contact}, {@code open_promise} (due date not passed), {@code below_minimum},
 * {@code cooldown} (reminded on any channel within cooldown_days, failed reminders not counted), then the first
 * channel of the policy's order that is configured and can reach the account ({@code opted_out} when SMS was the
 * only way and the number opted out, {@code no_contact} otherwise), then {@code daily_limit} (largest amounts
 * first). Needs a session.
 */
@ApplicationScoped
public class ReminderPlanner {

    public static final String DO_NOT_CONTACT = "do_not_contact";
    public static final String OPEN_PROMISE = "open_promise";
    public static final String BELOW_MINIMUM = "below_minimum";
    public static final String COOLDOWN = "cooldown";
    public static final String OPTED_OUT = "opted_out";
    public static final String NO_CONTACT = "no_contact";
    public static final String DAILY_LIMIT = "daily_limit";

    /**
     * A reminder the run would queue; {@code recipient} as the event carries it (SMS: 10 national digits);
     * {@code account} the debtor as the run read it (what an attached statement of account prints).
     */
    public record Send(
            long debtorId,
            String accNo,
            String name,
            ReminderChannel channel,
            BigDecimal amount,
            String recipient,
            Map<String, BigDecimal> buckets,
            Language language,
            Candidate account) {}

    public record Skip(long debtorId, String accNo, String reason) {}

    public record Plan(List<Send> wouldSend, List<Skip> skipped) {}

    private final ReminderCandidates candidates;
    private final PharmacyChannelRepository channels;
    private final SmsOptOutRepository optOuts;
    private final CommunicationRepository communications;
    private final ContactPreferenceRepository preferences;
    private final PaymentPromiseRepository promises;
    private final ReminderRunRepository runs;

    public ReminderPlanner(
            ReminderCandidates candidates,
            PharmacyChannelRepository channels,
            SmsOptOutRepository optOuts,
            CommunicationRepository communications,
            ContactPreferenceRepository preferences,
            PaymentPromiseRepository promises,
            ReminderRunRepository runs) {
        this.candidates = candidates;
        this.channels = channels;
        this.optOuts = optOuts;
        this.communications = communications;
        this.preferences = preferences;
        this.promises = promises;
        this.runs = runs;
    }

    /** Everything a decision reads, loaded once per run (a few statements, whatever the number of accounts). */
    private static final class Facts {
        List<Candidate> debtors;
        PharmacyChannel channels;
        Set<String> optedOut;
        Set<String> contactedRecently;
        Map<String, ContactPreference> preferences;
        Map<String, PaymentPromise> openPromises;
        long queuedToday;
    }

    public Uni<Plan> plan(long pharmacyId, PolicySettings policy, Instant now) {
        LocalDate today = now.atZone(policy.zone()).toLocalDate();
        OffsetDateTime dayStart = today.atStartOfDay(policy.zone()).toOffsetDateTime();
        OffsetDateTime cooldownStart =
                now.minus(Duration.ofDays(policy.cooldownDays())).atOffset(ZoneOffset.UTC);
        Facts facts = new Facts();
        return candidates
                .of(pharmacyId)
                .invoke(rows -> facts.debtors = rows)
                .chain(() -> channels.findByPharmacy(pharmacyId))
                .invoke(row -> facts.channels = row)
                .chain(() -> optOuts.ofPharmacy(pharmacyId))
                .invoke(numbers -> facts.optedOut = numbers)
                .chain(() -> communications.contactedSince(pharmacyId, cooldownStart))
                .invoke(accNos -> facts.contactedRecently = accNos)
                .chain(() -> preferences.ofPharmacy(pharmacyId))
                .invoke(rows ->
                        facts.preferences = rows.stream().collect(Collectors.toMap(p -> p.accNo, Function.identity())))
                .chain(() -> promises.openOfPharmacy(pharmacyId))
                .invoke(open -> facts.openPromises = open)
                .chain(() -> runs.queuedSince(pharmacyId, dayStart))
                .map(queued -> {
                    facts.queuedToday = queued;
                    return decide(policy, facts, today);
                });
    }

    private static Plan decide(PolicySettings policy, Facts facts, LocalDate today) {
        boolean emailConfigured = facts.channels != null && facts.channels.emailConfigured;
        boolean smsConfigured = facts.channels != null && facts.channels.smsConfigured;
        Language pharmacyLanguage = facts.channels == null
                ? Language.EN
                : Language.fromCode(facts.channels.defaultLanguage).orElse(Language.EN);
        long remainingToday = Math.max(0, policy.maxPerDay() - facts.queuedToday);

        record Owing(Candidate debtor, BigDecimal amount) {}
        List<Owing> owing = facts.debtors.stream()
                .map(d -> new Owing(d, d.amountIn(policy.ageingBuckets())))
                .filter(o -> o.amount().signum() > 0)
                .sorted(Comparator.comparing(Owing::amount)
                        .reversed()
                        .thenComparing(o -> o.debtor().accNo()))
                .toList();

        List<Send> send = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        for (Owing o : owing) {
            Candidate d = o.debtor();
            ContactPreference pref = facts.preferences.get(d.accNo());
            PaymentPromise promise = facts.openPromises.get(d.accNo());
            String reason = null;
            ReminderChannel channel = null;
            if (pref != null && pref.doNotContact) {
                reason = DO_NOT_CONTACT;
            } else if (promise != null && !promise.dueDate.isBefore(today)) {
                reason = OPEN_PROMISE;
            } else if (o.amount().compareTo(policy.minOverdue()) < 0) {
                reason = BELOW_MINIMUM;
            } else if (facts.contactedRecently.contains(d.accNo())) {
                reason = COOLDOWN;
            } else {
                boolean blockedByOptOut = false;
                for (ReminderChannel c : policy.channels()) {
                    if (c == ReminderChannel.EMAIL && emailConfigured && d.email() != null) {
                        channel = c;
                        break;
                    }
                    if (c == ReminderChannel.SMS && smsConfigured && d.phoneDigits() != null) {
                        if (facts.optedOut.contains(d.phoneDigits())) {
                            blockedByOptOut = true;
                        } else {
                            channel = c;
                            break;
                        }
                    }
                }
                if (channel == null) {
                    reason = blockedByOptOut ? OPTED_OUT : NO_CONTACT;
                } else if (send.size() >= remainingToday) {
                    reason = DAILY_LIMIT;
                }
            }
            if (reason != null) {
                skipped.add(new Skip(d.debtorId(), d.accNo(), reason));
                continue;
            }
            Map<String, BigDecimal> buckets = new LinkedHashMap<>();
            for (AgeingBucket b : policy.ageingBuckets()) {
                buckets.put(b.key(), d.amounts().get(b));
            }
            Language language = pref != null && pref.language != null
                    ? Language.fromCode(pref.language).orElse(pharmacyLanguage)
                    : pharmacyLanguage;
            send.add(new Send(
                    d.debtorId(),
                    d.accNo(),
                    d.name(),
                    channel,
                    o.amount(),
                    channel == ReminderChannel.EMAIL ? d.email() : d.phoneDigits(),
                    buckets,
                    language,
                    d));
        }
        return new Plan(send, skipped);
    }
}
