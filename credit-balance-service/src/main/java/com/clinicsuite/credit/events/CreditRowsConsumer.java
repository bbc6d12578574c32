package com.clinicsuite.credit.events;

import com.clinicsuite.credit.service.CreditImportApplier;
import com.clinicsuite.credit.service.CreditImportStaging;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.outbox.Inbox;
import com.clinicsuite.outbox.Inbox.Handlers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * imports.credit-rows: stages each chunk exactly once (inbox), then applies the imports that are complete; an
 * abort drops what was staged of an import. The inbox picks the handler by the event's type ({@code ce_type}): a
 * type the topic may carry one day that is neither is skipped, a message without a type is dead-lettered.
 * Applying runs after the staging transaction committed, so a failing import is reported, not redelivered.
 */
@ApplicationScoped
public class CreditRowsConsumer {

    static final String CONSUMER = "credit-balance-service.credit-rows";

    private final Inbox inbox;
    private final Handlers<Void> handlers;
    private final CreditImportApplier applier;

    public CreditRowsConsumer(Inbox inbox, CreditImportStaging staging, CreditImportApplier applier) {
        this.inbox = inbox;
        this.applier = applier;
        this.handlers = Handlers.on(EventCatalog.CREDIT_ROWS_CHUNK, event -> staging.stage(event.data()))
                .and(EventCatalog.CREDIT_IMPORT_ABORTED, event -> staging.abort(event.data()));
    }

    @Incoming("credit-rows")
    public Uni<Void> consume(Message<String> message) {
        return inbox.dispatch(CONSUMER, message, handlers)
                // after a chunk (staged now, before, or dead-lettered), once committed and acked; it never fails
                // (what it cannot apply now, its sweep applies later). Not after an abort: nothing became complete.
                .chain(() -> isChunk(message)
                        ? applier.applyReadyImports()
                        : Uni.createFrom().voidItem());
    }

    private static boolean isChunk(Message<String> message) {
        return EventCatalog.CREDIT_ROWS_CHUNK.type().equals(Inbox.typeOf(message));
    }
}
