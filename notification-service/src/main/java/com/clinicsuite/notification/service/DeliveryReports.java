package com.clinicsuite.notification.service;

import com.clinicsuite.notification.repository.Delivery;
import com.clinicsuite.notification.repository.DeliveryRepository;
import com.clinicsuite.vocabulary.DeliveryStatus;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies providers' delivery reports: a delivery that was sent becomes {@code delivered} or {@code failed}, once;
 * reports for unknown or already final deliveries change nothing (providers repeat and reorder their calls).
 */
@ApplicationScoped
public class DeliveryReports {

    private static final Logger LOG = Logger.getLogger(DeliveryReports.class);
    /** States a provider's status report may still move on. */
    private static final Set<DeliveryStatus> AWAITING_REPORT = EnumSet.of(DeliveryStatus.SENDING, DeliveryStatus.SENT);

    private final DeliveryRepository deliveries;
    private final DeliveryStatusEvents events;

    /** One provider report: the delivery by reminder id or, failing that, by external id. */
    public record Report(String reminderId, String externalId, DeliveryStatus status, String error) {}

    public DeliveryReports(DeliveryRepository deliveries, DeliveryStatusEvents events) {
        this.deliveries = deliveries;
        this.events = events;
    }

    /** Applies the reports in order; returns how many changed a delivery. */
    @WithTransaction
    public Uni<Integer> apply(List<Report> reports) {
        int[] changed = {0};
        return Multi.createFrom()
                .iterable(reports)
                .onItem()
                .transformToUniAndConcatenate(report -> find(report).chain(d -> {
                    if (d == null || !AWAITING_REPORT.contains(d.status)) {
                        return Uni.createFrom().voidItem();
                    }
                    d.status = report.status();
                    d.error = report.error();
                    d.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    changed[0]++;
                    return events.publish(d);
                }))
                .collect()
                .last()
                .map(ignored -> {
                    LOG.debugf("%d of %d delivery reports applied", changed[0], reports.size());
                    return changed[0];
                });
    }

    private Uni<Delivery> find(Report report) {
        if (report.reminderId() != null && !report.reminderId().isBlank()) {
            return deliveries.findByReminderId(report.reminderId());
        }
        if (report.externalId() != null && !report.externalId().isBlank()) {
            return deliveries.findByExternalId(report.externalId());
        }
        return Uni.createFrom().nullItem();
    }
}
