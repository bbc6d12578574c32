package com.clinicsuite.debtor.events;

import com.clinicsuite.debtor.service.PharmacyDirectory;
import com.clinicsuite.events.auth.PharmacyUpserted;
import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the pharmacy table in step with auth-service (auth.pharmacies). */
@ApplicationScoped
public class PharmacyConsumer {

    private final Inbox inbox;
    private final PharmacyDirectory directory;

    public PharmacyConsumer(Inbox inbox, PharmacyDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @Incoming("pharmacies")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(
                "debtor-service.pharmacies", message, PharmacyUpserted.class, event -> directory.apply(event.data()));
    }
}
