package com.clinicsuite.notification.service;

import com.clinicsuite.notification.client.Attachment;
import com.clinicsuite.notification.client.ChannelSettings;
import com.clinicsuite.notification.client.DeliveryException;
import com.clinicsuite.notification.client.OutgoingMessage;
import com.clinicsuite.notification.client.ProviderFailures;
import com.clinicsuite.notification.client.SendGridSender;
import com.clinicsuite.notification.client.SmsPortalSender;
import com.clinicsuite.notification.client.SmtpSender;
import com.clinicsuite.notification.config.NotificationConfig;
import com.clinicsuite.notification.repository.Delivery;
import com.clinicsuite.notification.repository.DeliveryRepository;
import com.clinicsuite.outbox.ReactiveWork;
import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.vocabulary.StoredText;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends queued deliveries. Each round claims a batch ({@code queued -> sending}, SKIP LOCKED so replicas share the
 * work), sends it (e-mail one by one, SMS in requests of up to 100 per pharmacy, all paced per pharmacy), then
 * records every outcome ({@code sent} or {@code failed}) with its status event in one transaction. Rounds repeat
 * until nothing is queued, so deliveries a restart left {@code queued} are simply picked up. A delivery left in
 * {@code sending} by a crash is failed instead of re-sent: the provider may already have it, and a debtor must never
 * get the same reminder twice.
 *
 * <p>Claim with a lease (issue 18.6): a claimed delivery records this instance ({@code claimed_by}) and
 * {@code lease_until} = now + {@code notification.dispatch.lease}; while the batch is being sent a heartbeat renews the
 * lease every third of it. Only a delivery whose lease passed (its sender crashed, hung or lost the database) is
 * failed as interrupted, by any replica; a slow send on another replica is never failed under its feet. The outcome is
 * recorded only for a delivery still {@code sending} under this instance's claim.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    static final String INTERRUPTED = "Interrupted while sending; not retried so that the debtor never gets it twice";

    private final DeliveryRepository deliveries;
    private final SettingsService settings;
    private final SmtpSender smtp;
    private final SendGridSender sendGrid;
    private final SmsPortalSender smsPortal;
    private final PharmacyRateLimiter rateLimiter;
    private final DeliveryStatusEvents events;
    private final StatementAttachments statements;
    private final NotificationConfig.Dispatch config;
    private final Vertx vertx;
    /** This instance's name in {@code claimed_by}: host (pod) name and a random part, unique per start. */
    private final String instanceId;

    private record Claimed(List<OutgoingMessage> messages, Map<Long, ChannelSettings> channels) {

        List<Long> ids() {
            return messages.stream().map(OutgoingMessage::deliveryId).toList();
        }
    }

    private record Outcome(long deliveryId, String externalId, String error) {}

    public DeliveryDispatcher(
            DeliveryRepository deliveries,
            SettingsService settings,
            SmtpSender smtp,
            SendGridSender sendGrid,
            SmsPortalSender smsPortal,
            PharmacyRateLimiter rateLimiter,
            DeliveryStatusEvents events,
            StatementAttachments statements,
            NotificationConfig config,
            Vertx vertx) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.smtp = smtp;
        this.sendGrid = sendGrid;
        this.smsPortal = smsPortal;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.statements = statements;
        this.config = config.dispatch();
        this.vertx = vertx;
        this.instanceId = instanceName();
    }

    private static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "instance");
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
    }

    /** This instance's {@code claimed_by}. */
    public String instanceId() {
        return instanceId;
    }

    @Scheduled(
            every = "${notification.dispatch.interval:1s}",
            delayed = "${notification.dispatch.initial-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return failInterrupted()
                .chain(this::drain)
                .replaceWithVoid()
                .onFailure()
                .invoke(e -> LOG.warnf("Delivery dispatch round failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull();
    }

    /** Sends rounds until nothing is queued; returns how many deliveries were handled. */
    public Uni<Long> drain() {
        Context context = Vertx.currentContext();
        return Multi.createBy()
                .repeating()
                .uni(() -> round(context))
                .whilst(n -> n > 0)
                .collect()
                .with(Collectors.summingLong(Integer::longValue));
    }

    private Uni<Integer> round(Context context) {
        return claim().chain(claimed -> {
            if (claimed.messages().isEmpty()) {
                return Uni.createFrom().item(0);
            }
            Heartbeat heartbeat = new Heartbeat(claimed.ids());
            return send(claimed)
                    .eventually(heartbeat::stop)
                    // back on our own context: Hibernate sessions are bound to it
                    .emitOn(command -> context.runOnContext(ignored -> command.run()))
                    .chain(this::record)
                    .replaceWith(claimed.messages().size());
        });
    }

    private Uni<Claimed> claim() {
        return Panache.withTransaction(() -> deliveries
                .lockQueued(config.batchSize())
                .chain(batch -> {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    List<OutgoingMessage> messages = new ArrayList<>(batch.size());
                    for (Delivery d : batch) {
                        d.status = DeliveryStatus.SENDING;
                        d.attempts++;
                        d.updatedAt = now;
                        d.claimedBy = instanceId;
                        d.leaseUntil = now.plus(config.lease());
                        messages.add(new OutgoingMessage(
                                d.id,
                                d.reminderId,
                                d.pharmacyId,
                                d.channel,
                                d.recipient,
                                d.subject,
                                d.bodyHtml,
                                d.bodyText,
                                d.statement));
                    }
                    List<Long> pharmacies = messages.stream()
                            .map(OutgoingMessage::pharmacyId)
                            .distinct()
                            .toList();
                    return Multi.createFrom()
                            .iterable(pharmacies)
                            .onItem()
                            .transformToUniAndConcatenate(settings::channels)
                            .collect()
                            .asMap(ChannelSettings::pharmacyId, Function.identity())
                            .map(channels -> new Claimed(messages, channels));
                }));
    }

    private Uni<List<Outcome>> send(Claimed claimed) {
        List<Uni<List<Outcome>>> sends = new ArrayList<>();
        Map<Long, List<OutgoingMessage>> smsByPharmacy = new LinkedHashMap<>();
        for (OutgoingMessage m : claimed.messages()) {
            ChannelSettings channels = claimed.channels().get(m.pharmacyId());
            if (m.channel() == ReminderChannel.SMS) {
                smsByPharmacy
                        .computeIfAbsent(m.pharmacyId(), k -> new ArrayList<>())
                        .add(m);
            } else {
                sends.add(rateLimiter
                        .acquire(m.pharmacyId(), 1)
                        .chain(() -> sendEmail(m, channels))
                        .map(externalId -> List.of(new Outcome(m.deliveryId(), externalId, null)))
                        .onFailure()
                        .recoverWithItem(e -> List.of(failed(m, "e-mail", e))));
            }
        }
        smsByPharmacy.forEach((pharmacyId, messages) -> {
            ChannelSettings channels = claimed.channels().get(pharmacyId);
            for (int from = 0; from < messages.size(); from += SmsPortalSender.MAX_BATCH) {
                List<OutgoingMessage> chunk =
                        messages.subList(from, Math.min(messages.size(), from + SmsPortalSender.MAX_BATCH));
                sends.add(rateLimiter
                        .acquire(pharmacyId, chunk.size())
                        .chain(() -> sendSms(chunk, channels))
                        .onFailure()
                        .recoverWithItem(e -> chunk.stream()
                                .map(m -> failed(m, "SMSPortal", e))
                                .toList()));
            }
        });
        return Uni.join()
                .all(sends)
                .andFailFast()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private Uni<String> sendEmail(OutgoingMessage m, ChannelSettings channels) {
        if (!channels.emailConfigured()) {
            return Uni.createFrom()
                    .failure(DeliveryException.permanent(
                            "The e-mail channel of pharmacy " + m.pharmacyId() + " was turned off before sending"));
        }
        Uni<Attachment> attachment = m.statement() == null
                ? Uni.createFrom().nullItem()
                : statements
                        .render(m.statement())
                        .onFailure()
                        .transform(e -> DeliveryException.permanent("The statement of account could not be made: "
                                + e.getClass().getSimpleName()));
        return attachment.chain(file -> ChannelSettings.SENDGRID.equals(channels.emailProvider())
                ? sendGrid.send(m, file, channels)
                : smtp.send(m, file, channels));
    }

    private Uni<List<Outcome>> sendSms(List<OutgoingMessage> chunk, ChannelSettings channels) {
        if (!channels.smsConfigured()) {
            return Uni.createFrom()
                    .failure(DeliveryException.permanent(
                            "The SMS channel of pharmacy " + channels.pharmacyId() + " was turned off before sending"));
        }
        return smsPortal
                .send(chunk, channels)
                .map(results -> results.stream()
                        .map(r -> new Outcome(r.message().deliveryId(), r.externalId(), r.error()))
                        .toList());
    }

    private static Outcome failed(OutgoingMessage m, String provider, Throwable e) {
        if (!(e instanceof DeliveryException)) {
            // not a provider's answer: a fault of ours. Where it happened, without its message (may hold personal data)
            LOG.warnf(
                    "Unexpected %s while sending reminder %s at %s",
                    e.getClass().getName(),
                    m.reminderId(),
                    java.util.Arrays.stream(e.getStackTrace())
                            .limit(8)
                            .map(String::valueOf)
                            .toList());
        }
        DeliveryException failure = ProviderFailures.classify(provider, e);
        LOG.infof(
                "Reminder %s (%s) failed: %s",
                m.reminderId(), m.channel().code(), failure.retryable() ? "retries exhausted" : "refused");
        return new Outcome(m.deliveryId(), null, failure.getMessage());
    }

    private Uni<Void> record(List<Outcome> outcomes) {
        Map<Long, Outcome> byId = outcomes.stream().collect(Collectors.toMap(Outcome::deliveryId, o -> o));
        return Panache.withTransaction(() -> deliveries
                        .list("id in ?1", new ArrayList<>(byId.keySet()))
                        .chain(rows -> Multi.createFrom()
                                .iterable(rows)
                                .onItem()
                                .transformToUniAndConcatenate(d -> apply(d, byId.get(d.id)))
                                .collect()
                                .last()))
                .replaceWithVoid();
    }

    private Uni<Void> apply(Delivery d, Outcome outcome) {
        if (d.status != DeliveryStatus.SENDING || !instanceId.equals(d.claimedBy)) {
            // already failed as interrupted (our lease passed), or reported on by a webhook
            if (d.status == DeliveryStatus.FAILED && INTERRUPTED.equals(d.error)) {
                LOG.warnf(
                        "Reminder %s was %s but had been failed as interrupted: its lease passed while sending",
                        d.reminderId, outcome.error() == null ? "sent" : "not sent");
            }
            return Uni.createFrom().voidItem();
        }
        d.leaseUntil = null;
        d.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (outcome.error() == null) {
            d.status = DeliveryStatus.SENT;
            d.externalId = outcome.externalId();
        } else {
            d.status = DeliveryStatus.FAILED;
            d.error = StoredText.cut(outcome.error(), 1000);
        }
        return events.publish(d);
    }

    /**
     * Fails deliveries whose claim's lease passed (their sender crashed or lost the database mid-send; a live sender
     * renews it), and lease-less ones claimed before issue 18.6 and untouched past {@code sending-timeout}.
     */
    public Uni<Void> failInterrupted() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime cutoff = now.minus(config.sendingTimeout());
        return Panache.withTransaction(() -> deliveries
                .lockInterrupted(now, cutoff, 500)
                .chain(stuck -> {
                    if (stuck.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.warnf("Failing %d deliveries interrupted while sending", stuck.size());
                    return Multi.createFrom()
                            .iterable(stuck)
                            .onItem()
                            .transformToUniAndConcatenate(d -> {
                                d.status = DeliveryStatus.FAILED;
                                d.error = INTERRUPTED;
                                d.leaseUntil = null;
                                d.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                                return events.publish(d);
                            })
                            .collect()
                            .last()
                            .replaceWithVoid();
                }));
    }

    /**
     * Renews the lease of one batch every third of {@code notification.dispatch.lease} until {@link #stop}. Each
     * renewal runs on a duplicated context of its own (a session of its own, never the round's) and is one UPDATE of
     * the batch's rows still {@code sending} under this instance's claim. A failed renewal is logged and tried again
     * at the next beat: the lease is long enough for two misses.
     */
    private final class Heartbeat {

        private final List<Long> ids;
        private final long timerId;
        private volatile boolean stopped;

        Heartbeat(List<Long> ids) {
            this.ids = ids;
            long period = Math.max(50, config.lease().toMillis() / 3);
            this.timerId = vertx.setPeriodic(period, id -> beat());
        }

        private void beat() {
            if (stopped) {
                return;
            }
            // a duplicated context of its own (platform-outbox ReactiveWork): its session is never the round's
            ReactiveWork.start(
                            vertx,
                            () -> Panache.withTransaction(() -> deliveries.renewLease(
                                    ids,
                                    instanceId,
                                    OffsetDateTime.now(ZoneOffset.UTC).plus(config.lease()))))
                    .whenComplete((renewed, e) -> {
                        if (e == null) {
                            LOG.debugf("Lease of %d deliveries renewed", renewed);
                        } else {
                            LOG.warnf(
                                    "Renewing the lease of %d deliveries failed: %s",
                                    ids.size(), e.getClass().getName());
                        }
                    });
        }

        void stop() {
            stopped = true;
            vertx.cancelTimer(timerId);
        }
    }
}
