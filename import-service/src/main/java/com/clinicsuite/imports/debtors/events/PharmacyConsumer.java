package com.clinicsuite.imports.debtors.events;

import com.clinicsuite.events.auth.PharmacyUpserted;
import com.clinicsuite.imports.debtors.service.PharmacyDirectory;
import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Pharmacies as auth-service announces them (topic auth.pharmacies). */
@ApplicationScoped
public class PharmacyConsumer {

    private final Inbox inbox;
    private final PharmacyDirectory pharmacies;

    public PharmacyConsumer(Inbox inbox, PharmacyDirectory pharmacies) {
        this.inbox = inbox;
        this.pharmacies = pharmacies;
    }

    @Incoming("debtor-pharmacies")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(
                "import-service.pharmacies", message, PharmacyUpserted.class, event -> pharmacies.apply(event.data()));
    }
}
