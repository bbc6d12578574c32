package com.clinicsuite.credit.service;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.credit.VoucherSearched;
import com.clinicsuite.outbox.JsonRowsInsert;
import com.clinicsuite.outbox.JsonRowsInsert.Column;
import com.clinicsuite.outbox.JsonRowsInsert.Type;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.outbox.ReactiveWork;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Drains {@link ApiLogQueue} into the api_log table in batches: one INSERT per batch ({@link JsonRowsInsert}), in
 * the same transaction as one INSERT of the credit.voucher-searched events of the voucher searches among them. Runs
 * on a schedule and once more at shutdown, so requests never wait for the log. A batch of up to 5,000 calls costs
 * two statements; it has to be that large for the writer to keep up while requests saturate the event loops (the
 * benchmark's ~15,000 calls/s), because each of its round trips waits behind them.
 */
@ApplicationScoped
public class ApiLogWriter {

    private static final Logger LOG = Logger.getLogger(ApiLogWriter.class);
    private static final List<Column<ApiCall>> COLUMNS = List.of(
            new Column<>("user_name", Type.TEXT, ApiCall::userName),
            new Column<>("method", Type.TEXT, ApiCall::method),
            new Column<>("endpoint", Type.TEXT, ApiCall::endpoint),
            new Column<>("status_code", Type.INTEGER, ApiCall::statusCode),
            new Column<>("voucher_number", Type.TEXT, ApiCall::voucherNumber),
            new Column<>("client_ip", Type.TEXT, ApiCall::clientIp),
            new Column<>("duration_ms", Type.INTEGER, ApiCall::durationMs),
            new Column<>("logged_at", Type.TIMESTAMPTZ, ApiCall::at));

    private final ApiLogQueue queue;
    private final Outbox outbox;
    private final Vertx vertx;
    private final int batchSize;
    private final JsonRowsInsert<ApiCall> insert;

    public ApiLogWriter(
            ApiLogQueue queue,
            Outbox outbox,
            Vertx vertx,
            @ConfigProperty(name = "api-log.batch-size", defaultValue = "5000") int batchSize,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.queue = queue;
        this.outbox = outbox;
        this.vertx = vertx;
        this.batchSize = batchSize;
        this.insert = JsonRowsInsert.into("api_log", COLUMNS, dbKind);
    }

    @Scheduled(every = "${api-log.flush-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flushOnSchedule() {
        return flush().onFailure().recoverWithItem(e -> {
            LOG.warnf("Writing the API log failed, will retry: %s", e.toString());
            return null;
        });
    }

    /** Writes everything queued so far, batch after batch. */
    public Uni<Void> flush() {
        List<ApiCall> batch = queue.take(batchSize);
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return write(batch)
                .onFailure()
                .invoke(e -> batch.forEach(queue::add)) // keep them for the next run
                .chain(this::flush);
    }

    void flushAtShutdown(@Observes ShutdownEvent event) {
        if (queue.isEmpty()) {
            return;
        }
        try {
            ReactiveWork.start(vertx, this::flush).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("API log entries were lost at shutdown: %s", e.toString());
        }
    }

    private Uni<Void> write(List<ApiCall> batch) {
        String rows = insert.json(batch);
        List<VoucherSearched> searches = batch.stream()
                .filter(call -> call.voucherMatches() != null)
                .map(call -> new VoucherSearched(
                        call.voucherNumber(),
                        call.userName(),
                        call.voucherMatches(),
                        call.at().toInstant()))
                .toList();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(insert.sql())
                        .setParameter(1, rows)
                        .executeUpdate())
                .chain(() -> outbox.publishAll(EventCatalog.VOUCHER_SEARCHED, searches, VoucherSearched::voucherNumber))
                .replaceWithVoid());
    }
}
