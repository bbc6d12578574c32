package com.clinicsuite.imports.debtors.events;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.imports.debtors.service.ProcessingNotifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Wakes the upload requests waiting on <em>this</em> instance when debtor-service's answer about their report is
 * published, whichever replica's {@link ReportStatusConsumer} (one shared group) records it: every instance reads
 * {@code debtors.report-status} with a consumer group of its own ({@code import-service-waker-<uuid>}), from the
 * latest offset (only requests waiting now matter). It only signals: the request reads the answer from the database,
 * again until the status there is final, since this signal may come before the recording transaction committed. No
 * inbox, no database write: a repeated signal makes the request read once more. Only
 * {@code debtors.report-processed.v1} wakes; the topic's {@code debtors.report-movement.v1} is skipped.
 *
 * <p>Counter {@code debtor_report_wakeups_total{outcome="woken"|"none_waiting"}}: answers read by this instance's
 * waker, and whether a request of this instance was waiting for it.
 */
@ApplicationScoped
public class ReportStatusWaker {

    private static final Logger LOG = Logger.getLogger(ReportStatusWaker.class);
    private static final String REPORT_PROCESSED = EventCatalog.REPORT_PROCESSED.type();

    private final ProcessingNotifier notifier;
    private final ObjectMapper mapper;
    private final Counter woken;
    private final Counter noneWaiting;

    public ReportStatusWaker(ProcessingNotifier notifier, ObjectMapper mapper, MeterRegistry registry) {
        this.notifier = notifier;
        this.mapper = mapper;
        this.woken = wakeups(registry, "woken");
        this.noneWaiting = wakeups(registry, "none_waiting");
    }

    private static Counter wakeups(MeterRegistry registry, String outcome) {
        return Counter.builder("debtor_report_wakeups")
                .description(
                        "debtors.report-processed.v1 answers read by this instance's waker (a consumer group of its"
                                + " own), by whether an upload request of this instance was waiting for the report")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Incoming("debtor-report-wakeups")
    public CompletionStage<Void> onReportStatus(Message<String> message) {
        if (REPORT_PROCESSED.equals(typeOf(message))) {
            try {
                JsonNode reportId = mapper.readTree(message.getPayload()).path("report_id");
                if (reportId.isTextual()) {
                    (notifier.signal(reportId.asText()) ? woken : noneWaiting).increment();
                } else {
                    LOG.debug("A report-processed event without a report_id wakes nobody");
                }
            } catch (Exception e) {
                // the shared consumer dead-letters what it cannot read; here it only wakes nobody
                LOG.debugf(
                        "An unreadable report-processed event wakes nobody: %s",
                        e.getClass().getSimpleName());
            }
        }
        return message.ack();
    }

    @SuppressWarnings("unchecked")
    private static String typeOf(Message<String> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .map(m -> ((IncomingCloudEventMetadata<?>) m).getType())
                .orElse(null);
    }
}
