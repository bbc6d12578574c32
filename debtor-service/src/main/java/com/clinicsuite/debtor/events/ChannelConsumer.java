package com.clinicsuite.debtor.events;

import com.clinicsuite.debtor.service.PharmacyLetterheads;
import com.clinicsuite.debtor.service.ReminderChannels;
import com.clinicsuite.events.notifications.ChannelConfigured;
import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Which reminder channels pharmacies configured, and their letterheads (notifications.channels). */
@ApplicationScoped
public class ChannelConsumer {

    private final Inbox inbox;
    private final ReminderChannels channels;
    private final PharmacyLetterheads letterheads;

    public ChannelConsumer(Inbox inbox, ReminderChannels channels, PharmacyLetterheads letterheads) {
        this.inbox = inbox;
        this.channels = channels;
        this.letterheads = letterheads;
    }

    @Incoming("channels")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(
                "debtor-service.channels",
                message,
                ChannelConfigured.class,
                event -> channels.apply(event.data()).chain(() -> letterheads.apply(event.data())));
    }
}
