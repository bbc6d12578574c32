package com.clinicsuite.notification.service;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.notifications.DeliveryStatusChanged;
import com.clinicsuite.notification.repository.Delivery;
import com.clinicsuite.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Announces a delivery's new status through the outbox (same transaction as the change) and counts it. */
@ApplicationScoped
public class DeliveryStatusEvents {

    private final Outbox outbox;
    private final MeterRegistry registry;

    public DeliveryStatusEvents(Outbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.registry = registry;
    }

    public Uni<Void> publish(Delivery d) {
        registry.counter("notification.deliveries", "channel", d.channel.code(), "status", d.status.code())
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
