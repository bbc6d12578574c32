package com.clinicsuite.debtor.events;

import com.clinicsuite.debtor.service.ReportFollowUp;
import com.clinicsuite.debtor.service.ReportIngestion;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Report chunks from import-service (imports.debtor-reports): staged, then applied when complete. Once a chunk's
 * transaction committed, the pharmacy's completed reports get their follow-up (snapshot, movement, promises,
 * after-upload run) in a transaction of their own; a failure there is left to the sweeper and never fails the chunk.
 */
@ApplicationScoped
public class DebtorReportConsumer {

    private final Inbox inbox;
    private final ReportIngestion ingestion;
    private final ReportFollowUp followUp;

    public DebtorReportConsumer(Inbox inbox, ReportIngestion ingestion, ReportFollowUp followUp) {
        this.inbox = inbox;
        this.ingestion = ingestion;
        this.followUp = followUp;
    }

    @Incoming("debtor-reports")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(
                        "debtor-service.debtor-reports",
                        message,
                        DebtorReportChunk.class,
                        // transient failures and a pharmacy auth-service has not announced yet are retried
                        ReportIngestion::isTransient,
                        event -> ingestion.accept(event.data()))
                .chain(() -> followUp.followUpPending(pharmacyId(message)));
    }

    /** The pharmacy is the record's key; an unreadable key just leaves the follow-up to the sweeper. */
    private static long pharmacyId(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (Object) m.getKey())
                .map(key -> {
                    try {
                        return Long.parseLong(String.valueOf(key));
                    } catch (NumberFormatException e) {
                        return -1L;
                    }
                })
                .orElse(-1L);
    }
}
