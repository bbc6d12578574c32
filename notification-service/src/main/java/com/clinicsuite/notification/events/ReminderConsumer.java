package com.clinicsuite.notification.events;

import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.notification.service.DeliveryService;
import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Reminders requested by debtor-service ({@code debtors.reminders}), once per event id. */
@ApplicationScoped
public class ReminderConsumer {

    private final Inbox inbox;
    private final DeliveryService deliveries;

    public ReminderConsumer(Inbox inbox, DeliveryService deliveries) {
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    @Incoming("reminders")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(
                "notification-service", message, ReminderRequested.class, event -> deliveries.accept(event.data()));
    }
}
