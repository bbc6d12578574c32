package com.clinicsuite.debtor.service;

import com.clinicsuite.debtor.config.CommunicationRetentionConfig;
import com.clinicsuite.outbox.SqlDialect;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Deletes reminders (communication rows) older than {@code debtor.communications.retention}, so the history does
 * not grow for ever: at a chain's pace (100 pharmacies, ~10,000 reminders each a month) it adds ~12 million rows a
 * year. Runs every {@code debtor.communications.cleanup-interval} in transactions of at most
 * {@code cleanup-batch-size} rows, oldest first through the created_at index (migration V6), so it never holds many
 * locks; replicas may run it at once (deleting is idempotent). The cool-down only looks back hours, so nothing it
 * needs is ever this old.
 */
@ApplicationScoped
public class CommunicationRetention {

    private static final Logger LOG = Logger.getLogger(CommunicationRetention.class);

    private final CommunicationRetentionConfig config;
    private final String deleteOldest;

    public CommunicationRetention(CommunicationRetentionConfig config, SqlDialect dialect) {
        this.config = config;
        this.deleteOldest = dialect.choose(
                "delete from communication where id in (select id from communication where created_at < ?1 "
                        + "order by created_at limit " + config.cleanupBatchSize() + ")",
                "delete top (" + config.cleanupBatchSize() + ") from communication where created_at < ?1");
    }

    @Scheduled(
            every = "${debtor.communications.cleanup-interval:6h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> cleanUpOnSchedule() {
        return cleanUp()
                .invoke(rows -> {
                    if (rows > 0) {
                        LOG.infof("Deleted %d reminders past the communication retention", rows);
                    }
                })
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf("Communication cleanup failed, will try again: %s", e.toString());
                    return 0L;
                })
                .replaceWithVoid();
    }

    /** Deletes every reminder past the retention, batch after batch; returns how many went. */
    public Uni<Long> cleanUp() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        return Multi.createBy()
                .repeating()
                .uni(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(deleteOldest)
                                .setParameter(1, before)
                                .executeUpdate())))
                .whilst(rows -> rows == config.cleanupBatchSize())
                .collect()
                .with(Collectors.summingLong(Integer::longValue));
    }
}
