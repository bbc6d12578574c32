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
 * debtors.report-movement.v1, is skipped by the inbox: its ce_type has no handler here), in the service's shared
 * consumer group: one instance records each answer on its upload. Once committed, it wakes the upload request waiting
 * for the answer if that request waits on this instance; one waiting on another replica is woken by that replica's
 * {@link ReportStatusWaker} (README, "Waiting for debtor-service's answer across replicas").
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
                // committed: wake the upload waiting here for this answer; it reads the status just written (null: a
                // repeat or a dead letter: nothing new to read)
                .invoke(applied -> {
                    if (applied != null) {
                        notifier.signal(applied.reportId());
                    }
                })
                .replaceWithVoid();
    }
}
