package com.clinicsuite.notification.service;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.notifications.DeliveryStatusChanged;
import com.clinicsuite.notification.repository.Delivery;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.ReminderChannel;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Announces a delivery's new status through the outbox (same transaction as the change) and counts it in
 * {@code notification_deliveries_total{channel,status}} (the reminder panels and the alert
 * {@code ClinicSuiteRemindersFailing}, deploy/observability). Every channel and status is registered at 0 when the
 * service starts: a series that appeared with the first failure would be invisible to {@code increase()}, and the
 * alert would miss it.
 */
// created at start, not at its first use: the constructor registers the counters
@Startup
@ApplicationScoped
public class DeliveryStatusEvents {

    private final Outbox outbox;
    private final MeterRegistry registry;

    static final String DELIVERIES = "notification.deliveries";

    public DeliveryStatusEvents(Outbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.registry = registry;
        for (ReminderChannel channel : ReminderChannel.values()) {
            for (DeliveryStatus status : DeliveryStatus.values()) {
                registry.counter(DELIVERIES, "channel", channel.code(), "status", status.code());
            }
        }
    }

    public Uni<Void> publish(Delivery d) {
        registry.counter(DELIVERIES, "channel", d.channel.code(), "status", d.status.code())
                .increment();
        return outbox.publish(
                        EventCatalog.DELIVERY_STATUS_CHANGED,
                        Long.toString(d.pharmacyId),
                        new DeliveryStatusChanged(
                                d.reminderId,
                                d.pharmacyId,
                                d.accNo,
                                d.channel,
                                d.status,
                                d.provider,
                                d.externalId,
                                d.subject,
                                d.bodyText,
                                d.error,
                                Instant.now()))
                .replaceWithVoid();
    }
}
