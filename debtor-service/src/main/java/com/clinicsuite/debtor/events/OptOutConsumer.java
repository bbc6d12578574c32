package com.clinicsuite.debtor.events;

import com.clinicsuite.debtor.service.SmsOptOuts;
import com.clinicsuite.events.notifications.OptOutRecorded;
import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** SMS opt-outs recorded by notification-service (notifications.opt-outs). */
@ApplicationScoped
public class OptOutConsumer {

    private final Inbox inbox;
    private final SmsOptOuts optOuts;

    public OptOutConsumer(Inbox inbox, SmsOptOuts optOuts) {
        this.inbox = inbox;
        this.optOuts = optOuts;
    }

    @Incoming("opt-outs")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(
                "debtor-service.opt-outs", message, OptOutRecorded.class, event -> optOuts.apply(event.data()));
    }
}
