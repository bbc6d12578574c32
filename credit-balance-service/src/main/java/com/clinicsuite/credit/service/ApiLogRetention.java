package com.clinicsuite.credit.service;

import com.clinicsuite.credit.config.ApiLogConfig;
import com.clinicsuite.outbox.SqlDialect;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps the API log's monthly partitions (migration V7; SQL Server: partition function, V6): the current UTC month
 * and {@code api-log.partitions-ahead} months after it exist before a row needs them, and months that ended more
 * than {@code api-log.retention-months} months before the current one began are dropped whole, with their daily
 * call counts. Runs shortly after start and then every {@code api-log.maintenance-interval}; the database function
 * takes a lock, so replicas may run it at the same time. Retention is to the month: a row is kept at least the
 * configured months and less than one month more.
 */
@ApplicationScoped
public class ApiLogRetention {

    private static final Logger LOG = Logger.getLogger(ApiLogRetention.class);

    private final int monthsAhead;
    private final int retentionMonths;
    private final String maintain;

    public ApiLogRetention(ApiLogConfig config, SqlDialect dialect) {
        int monthsAhead = config.partitionsAhead();
        int retentionMonths = config.retentionMonths();
        if (monthsAhead < 1 || retentionMonths < 1) {
            throw new IllegalArgumentException(
                    "api-log.partitions-ahead and api-log.retention-months must be at least 1");
        }
        this.monthsAhead = monthsAhead;
        this.retentionMonths = retentionMonths;
        this.maintain = dialect.choose("select api_log_maintain(?1, ?2)", "exec api_log_maintain ?1, ?2");
    }

    @Scheduled(
            every = "${api-log.maintenance-interval:6h}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> maintainOnSchedule() {
        return maintain()
                .onFailure()
                .recoverWithItem(e -> {
                    LOG.warnf("API log partition maintenance failed, will try again: %s", e.toString());
                    return null;
                })
                .replaceWithVoid();
    }

    /** Adds the coming months' partitions and drops those past the retention, in one transaction. */
    public Uni<Void> maintain() {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(maintain)
                                .setParameter(1, monthsAhead)
                                .setParameter(2, retentionMonths)
                                .executeUpdate()))
                .invoke(() ->
                        LOG.debugf("API log partitions: %d months ahead, %d months kept", monthsAhead, retentionMonths))
                .replaceWithVoid();
    }
}
