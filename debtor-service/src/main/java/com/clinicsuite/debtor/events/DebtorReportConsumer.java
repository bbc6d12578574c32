package com.clinicsuite.debtor.events;

import com.clinicsuite.debtor.service.ReportIngestion;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Report chunks from import-service (imports.debtor-reports): staged, then applied when complete. */
@ApplicationScoped
public class DebtorReportConsumer {

    private final Inbox inbox;
    private final ReportIngestion ingestion;

    public DebtorReportConsumer(Inbox inbox, ReportIngestion ingestion) {
        this.inbox = inbox;
        this.ingestion = ingestion;
    }

    @Incoming("debtor-reports")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(
                "debtor-service.debtor-reports",
                message,
                DebtorReportChunk.class,
                event -> ingestion.accept(event.data()));
    }
}
