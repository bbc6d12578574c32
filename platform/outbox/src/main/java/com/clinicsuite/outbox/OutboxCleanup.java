package com.clinicsuite.outbox;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes what the outbox and the inbox no longer need, so neither table grows for ever: relayed outbox rows after
 * {@code outbox.retention} (kept that long to tell what was sent when), inbox rows after {@code inbox.retention}.
 * An inbox row only guards against a redelivery, so it must outlive the longest a broker can redeliver: the topics'
 * retention (7 days by default), hence 14 days. Unsent outbox rows are never deleted, however old.
 * <p>
 * Runs every {@code outbox.cleanup.interval} in transactions of at most {@code outbox.cleanup.batch-size} rows, so it
 * never holds many locks or a long transaction. Replicas may run it at the same time: deleting is idempotent.
 */
@ApplicationScoped
public class OutboxCleanup {

    private static final Logger LOG = Logger.getLogger(OutboxCleanup.class);

    private final Duration outboxRetention;
    private final Duration inboxRetention;
    private final int batchSize;
    private final String deleteSent;
    private final String deleteProcessed;
    private final Counter deleted;

    public OutboxCleanup(
            @ConfigProperty(name = "outbox.retention", defaultValue = "P7D") Duration outboxRetention,
            @ConfigProperty(name = "inbox.retention", defaultValue = "P14D") Duration inboxRetention,
            @ConfigProperty(name = "outbox.cleanup.batch-size", defaultValue = "5000") int batchSize,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            MeterRegistry registry) {
        this.outboxRetention = outboxRetention;
        this.inboxRetention = inboxRetention;
        this.batchSize = batchSize;
        this.deleted = registry.counter("outbox.cleanup.deleted");
        if ("mssql".equals(dbKind)) {
            deleteSent = "delete top (" + batchSize + ") from outbox_event where sent_at < ?";
            deleteProcessed = "delete top (" + batchSize + ") from inbox_event where processed_at < ?";
        } else {
            // oldest first along the primary key: the rows to delete sit at its start
            deleteSent = "delete from outbox_event where id in (select id from outbox_event where sent_at < ? "
                    + "order by id limit " + batchSize + ")";
            deleteProcessed = "delete from inbox_event where ctid in (select ctid from inbox_event "
                    + "where processed_at < ? limit " + batchSize + ")";
        }
    }

    @Scheduled(
            every = "${outbox.cleanup.interval:1h}",
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
        return deleteAll(deleteSent, now.minus(outboxRetention))
                .chain(sent ->
                        deleteAll(deleteProcessed, now.minus(inboxRetention)).map(processed -> sent + processed));
    }

    private Uni<Long> deleteAll(String sql, OffsetDateTime before) {
        return Multi.createBy()
                .repeating()
                .uni(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(sql)
                                .setParameter(1, before)
                                .executeUpdate())))
                .whilst(rows -> rows == batchSize)
                .invoke(rows -> deleted.increment(rows))
                .collect()
                .with(Collectors.summingLong(Integer::longValue));
    }
}
