package com.clinicsuite.notification.service;

import com.clinicsuite.notification.config.WatchdogConfig;
import com.clinicsuite.notification.repository.Delivery;
import com.clinicsuite.notification.repository.DeliveryRepository;
import com.clinicsuite.outbox.JobLock;
import com.clinicsuite.outbox.StuckStateWatchdog;
import com.clinicsuite.vocabulary.DeliveryStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Issue 18.2, no state without an end: the lease ({@link DeliveryDispatcher}) ends a delivery whose sender died; this
 * watchdog ends the one whose sender lives but never finishes (a provider call that hangs while the heartbeat keeps
 * renewing the lease). A delivery still {@code sending} {@code notification.watchdog.sending-timeout} (15 min) after
 * it was claimed ({@code updated_at}: set by the claim, not by the heartbeat) is failed with {@link #TIMED_OUT} and
 * its status published through the outbox ({@code notifications.delivery-status-changed.v1}), as for any failure;
 * never re-sent, so the debtor never gets it twice. The sender's late outcome is ignored (the dispatcher records an
 * outcome only for a delivery still {@code sending} under its claim), and the heartbeat no longer renews it.
 *
 * <p>On one replica at a time ({@link StuckStateWatchdog}: {@link JobLock} row {@link #LOCK}); the rows are read {@code FOR UPDATE SKIP LOCKED}
 * with their status and age as the condition, so a delivery being recorded at that moment is left for the next run.
 * Counter {@code watchdog_ended_total{state="delivery_sending"}}.
 */
@ApplicationScoped
public class SendingWatchdog {

    /** This job's row of outbox_relay_lock (migration V5). */
    static final int LOCK = 2;

    static final String TIMED_OUT = "Timed out while sending: no outcome from the provider; not retried so that the"
            + " debtor never gets it twice";

    private final DeliveryRepository deliveries;
    private final DeliveryStatusEvents events;
    private final WatchdogConfig config;
    private final StuckStateWatchdog watchdog;

    public SendingWatchdog(
            DeliveryRepository deliveries, DeliveryStatusEvents events, WatchdogConfig config, MeterRegistry registry) {
        this.deliveries = deliveries;
        this.events = events;
        this.config = config;
        this.watchdog = new StuckStateWatchdog(
                SendingWatchdog.class,
                LOCK,
                "delivery_sending",
                "Sending watchdog",
                "deliveries still sending",
                config.sendingTimeout(),
                registry);
    }

    @Scheduled(
            identity = "delivery-sending-watchdog",
            every = "${notification.watchdog.interval:1m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return watchdog.scheduled(() -> endOverdue(Instant.now()));
    }

    /** Ends the deliveries still sending {@code sending-timeout} after their claim; how many this run ended. */
    public Uni<Integer> endOverdue(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime deadline = at.minus(config.sendingTimeout());
        // read FOR UPDATE SKIP LOCKED with the condition: every row read is ended
        return watchdog.run(() -> deliveries
                .lockSendingSince(deadline, config.batchSize())
                .chain(stuck -> StuckStateWatchdog.endEach(stuck, d -> end(d, at))));
    }

    private Uni<Boolean> end(Delivery d, OffsetDateTime at) {
        d.status = DeliveryStatus.FAILED;
        d.error = TIMED_OUT;
        d.leaseUntil = null;
        d.updatedAt = at;
        return events.publish(d).replaceWith(true);
    }
}
