package com.clinicsuite.credit.events;

import com.clinicsuite.credit.service.CreditImportApplier;
import com.clinicsuite.credit.service.CreditImportStaging;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.imports.CreditImportAborted;
import com.clinicsuite.events.imports.CreditRowsChunk;
import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * imports.credit-rows: stages each chunk exactly once (inbox), then applies the imports that are complete; an
 * abort drops what was staged of an import.
 * Applying runs after the staging transaction committed, so a failing import is reported, not redelivered.
 */
@ApplicationScoped
public class CreditRowsConsumer {

    static final String CONSUMER = "credit-balance-service.credit-rows";

    private final Inbox inbox;
    private final CreditImportStaging staging;
    private final CreditImportApplier applier;

    public CreditRowsConsumer(Inbox inbox, CreditImportStaging staging, CreditImportApplier applier) {
        this.inbox = inbox;
        this.staging = staging;
        this.applier = applier;
    }

    @Incoming("credit-rows")
    public Uni<Void> consume(Message<String> message) {
        if (EventCatalog.CREDIT_IMPORT_ABORTED.type().equals(eventType(message))) {
            return inbox.process(CONSUMER, message, CreditImportAborted.class, event -> staging.abort(event.data()));
        }
        return inbox.process(CONSUMER, message, CreditRowsChunk.class, event -> staging.stage(event.data()))
                // after the commit and the ack; it never fails (what it cannot apply now, its sweep applies later)
                .chain(applier::applyReadyImports);
    }

    private static String eventType(Message<String> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getType)
                .orElse(null);
    }
}
