package com.clinicsuite.outbox;

import com.clinicsuite.events.Lane;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Deletes what the outbox and the inbox no longer need, so neither table grows for ever: relayed business rows after
 * {@code outbox.retention} (kept that long to tell what was sent when), relayed audit rows after
 * {@code outbox.audit-retention} (an hour: thousands a second, read by nobody), inbox rows after
 * {@code inbox.retention}.
 * An inbox row only guards against a redelivery, so it must outlive the longest a broker can redeliver: the topics'
 * retention (7 days by default), hence 14 days. Unsent outbox rows are never deleted, however old, nor parked ones.
 * <p>
 * Runs every {@code outbox.cleanup.interval} in transactions of at most {@code outbox.cleanup.batch-size} rows, so it
 * never holds many locks or a long transaction. Replicas may run it at the same time: deleting is idempotent.
 */
@ApplicationScoped
public class OutboxCleanup {

    private static final Logger LOG = Logger.getLogger(OutboxCleanup.class);

    private final Duration outboxRetention;
    private final Duration auditRetention;
    private final Duration inboxRetention;
    private final int batchSize;
    private final String deleteSent;
    private final String deleteProcessed;
    private final Counter deleted;

    public OutboxCleanup(OutboxConfig outbox, InboxConfig inbox, OutboxStatements statements, MeterRegistry registry) {
        this.outboxRetention = outbox.retention();
        this.auditRetention = outbox.auditRetention();
        this.inboxRetention = inbox.retention();
        this.batchSize = outbox.cleanup().batchSize();
        this.deleted = registry.counter("outbox.cleanup.deleted");
        this.deleteSent = statements.deleteSentBefore(batchSize);
        this.deleteProcessed = statements.deleteProcessedBefore(batchSize);
    }

    @Scheduled(
            every = "${outbox.cleanup.interval:10m}",
            delay = 1,
            delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> cleanUpOnSchedule() {
        return cleanUp()
                .invoke(rows -> {
                    if (rows > 0) {
                        LOG.infof("Outbox cleanup deleted %d relayed outbox and old inbox rows", rows);
                    }
                })
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf("Outbox cleanup failed, will try again: %s", e.toString());
                    return 0L;
                })
                .replaceWithVoid();
    }

    /** Deletes everything past its retention, batch after batch; returns how many rows went. */
    public Uni<Long> cleanUp() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return deleteAll(deleteSent, now.minus(auditRetention), Lane.AUDIT.column())
                .chain(audit -> deleteAll(deleteSent, now.minus(outboxRetention), Lane.BUSINESS.column())
                        .map(business -> audit + business))
                .chain(sent -> deleteAll(deleteProcessed, now.minus(inboxRetention), null)
                        .map(processed -> sent + processed));
    }

    /** Batches of {@code sql} (?1 before, ?2 the lane unless null) until one deletes less than a full batch. */
    private Uni<Long> deleteAll(String sql, OffsetDateTime before, String lane) {
        return Multi.createBy()
                .repeating()
                .uni(() -> Panache.withTransaction(() -> Panache.getSession().chain(session -> {
                    var delete = session.createNativeQuery(sql).setParameter(1, before);
                    return (lane == null ? delete : delete.setParameter(2, lane)).executeUpdate();
                })))
                .whilst(rows -> rows == batchSize)
                .invoke(rows -> deleted.increment(rows))
                .collect()
                .with(Collectors.summingLong(Integer::longValue));
    }
}
