package com.clinicsuite.imports.credit.events;

import com.clinicsuite.events.credit.CreditImportResult;
import com.clinicsuite.imports.credit.service.CreditImportResults;
import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** credit-balance-service's outcome of applying an import (topic credit.import-results). */
@ApplicationScoped
public class CreditImportResultConsumer {

    private final Inbox inbox;
    private final CreditImportResults results;

    public CreditImportResultConsumer(Inbox inbox, CreditImportResults results) {
        this.inbox = inbox;
        this.results = results;
    }

    @Incoming("credit-import-results")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(
                "import-service.credit-import-results",
                message,
                CreditImportResult.class,
                event -> results.apply(event.data()));
    }
}
