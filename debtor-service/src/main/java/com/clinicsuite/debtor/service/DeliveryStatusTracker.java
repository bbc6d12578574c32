package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.repository.Communication;
import com.clinicsuite.debtor.repository.CommunicationRepository;
import com.clinicsuite.events.notifications.DeliveryStatusChanged;
import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.StoredText;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Moves a reminder's history row forward as notification-service reports delivery. Status never moves back:
 * events can arrive late or out of order (a {@code sent} after {@code delivered} keeps {@code delivered}), and a
 * final status ({@code delivered} / {@code failed}) stays. A late event still fills details not yet known.
 */
@ApplicationScoped
public class DeliveryStatusTracker {

    private static final Logger LOG = Logger.getLogger(DeliveryStatusTracker.class);
    private static final Map<DeliveryStatus, Integer> PROGRESS = new EnumMap<>(Map.of(
            DeliveryStatus.QUEUED, 0, DeliveryStatus.SENT, 1, DeliveryStatus.DELIVERED, 2, DeliveryStatus.FAILED, 2));

    private final CommunicationRepository communications;

    public DeliveryStatusTracker(CommunicationRepository communications) {
        this.communications = communications;
    }

    /** Runs in the caller's (Inbox) transaction. */
    public Uni<Void> apply(DeliveryStatusChanged event) {
        Integer progress = PROGRESS.get(event.status());
        if (progress == null) {
            // sending is notification-service's own and never published; a missing status says nothing
            LOG.warnf("Ignoring delivery status %s of reminder %s", event.status(), event.reminderId());
            return Uni.createFrom().voidItem();
        }
        return communications
                .findByReminderId(event.reminderId())
                .map(row -> {
                    if (row == null) {
                        LOG.debugf(
                                "Delivery status for reminder %s, which debtor-service did not request",
                                event.reminderId());
                        return null;
                    }
                    OffsetDateTime at = event.occurredAt() != null
                            ? event.occurredAt().atOffset(ZoneOffset.UTC)
                            : OffsetDateTime.now(ZoneOffset.UTC);
                    if (progress > PROGRESS.getOrDefault(row.status, 0)) {
                        row.status = event.status();
                        row.statusAt = at;
                        if (event.error() != null) {
                            row.errorMessage = StoredText.cut(event.error(), 1000);
                        }
                    }
                    if (row.sentAt == null
                            && (event.status() == DeliveryStatus.SENT || event.status() == DeliveryStatus.DELIVERED)) {
                        row.sentAt = at;
                    }
                    fillBlanks(row, event);
                    return null;
                })
                .replaceWithVoid();
    }

    private static void fillBlanks(Communication row, DeliveryStatusChanged event) {
        if (row.externalId == null && event.externalId() != null) {
            row.externalId = StoredText.cut(event.externalId(), 200);
        }
        if (row.provider == null && event.provider() != null) {
            row.provider = StoredText.cut(event.provider(), 50);
        }
        if (row.subject == null && event.subject() != null) {
            row.subject = StoredText.cut(event.subject(), 500);
        }
        if (row.message == null && event.message() != null) {
            row.message = event.message();
        }
    }
}
