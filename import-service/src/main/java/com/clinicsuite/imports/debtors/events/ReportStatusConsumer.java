package com.clinicsuite.imports.debtors.events;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.imports.debtors.service.ProcessingNotifier;
import com.clinicsuite.imports.debtors.service.ReportStatusService;
import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * debtor-service's answers about the reports handed to it (topic debtors.report-status; the topic's other event,
 * debtors.report-movement.v1, is skipped by the inbox: its ce_type has no handler here). The upload request waiting for an
 * answer is woken only once the answer is committed, so what it answers is what the database says.
 */
@ApplicationScoped
public class ReportStatusConsumer {

    private final Inbox inbox;
    private final ReportStatusService statuses;
    private final ProcessingNotifier notifier;

    public ReportStatusConsumer(Inbox inbox, ReportStatusService statuses, ProcessingNotifier notifier) {
        this.inbox = inbox;
        this.statuses = statuses;
        this.notifier = notifier;
    }

    @Incoming("debtor-report-status")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(
                        "import-service.debtor-report-status",
                        message,
                        // the topic also carries debtors.report-movement.v1 (after a pharmacy's second report): not
                        // an answer about an upload, so the inbox skips it (acked, counted in inbox_skipped_total)
                        EventCatalog.REPORT_PROCESSED,
                        event -> statuses.apply(event.data()).replaceWith(event.data()))
                // committed: wake the upload waiting for this answer (null: a repeat or a dead letter, nobody waits)
                .invoke(applied -> {
                    if (applied != null) {
                        notifier.complete(applied);
                    }
                })
                .replaceWithVoid();
    }
}
