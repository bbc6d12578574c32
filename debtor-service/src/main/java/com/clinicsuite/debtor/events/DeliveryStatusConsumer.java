package com.clinicsuite.debtor.events;

import com.clinicsuite.debtor.service.DeliveryStatusTracker;
import com.clinicsuite.events.notifications.DeliveryStatusChanged;
import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Delivery progress of reminders from notification-service (notifications.delivery-status). */
@ApplicationScoped
public class DeliveryStatusConsumer {

    private final Inbox inbox;
    private final DeliveryStatusTracker tracker;

    public DeliveryStatusConsumer(Inbox inbox, DeliveryStatusTracker tracker) {
        this.inbox = inbox;
        this.tracker = tracker;
    }

    @Incoming("delivery-status")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(
                "debtor-service.delivery-status",
                message,
                DeliveryStatusChanged.class,
                event -> tracker.apply(event.data()));
    }
}
