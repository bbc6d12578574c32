package com.clinicsuite.credit.service;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.credit.VoucherSearched;
import com.clinicsuite.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Drains {@link ApiLogQueue} into the api_log table in batches: one multi-row INSERT per batch, in the same
 * transaction as the credit.voucher-searched events of the voucher searches among them. Runs on a schedule and
 * once more at shutdown, so requests never wait for the log.
 */
@ApplicationScoped
public class ApiLogWriter {

    private static final Logger LOG = Logger.getLogger(ApiLogWriter.class);
    private static final String COLUMNS = "insert into api_log (user_name, method, endpoint, status_code, "
            + "voucher_number, client_ip, duration_ms, logged_at) values ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";
    /** SQL Server accepts at most 2100 parameters and 1000 rows per statement: 8 columns x 250 rows stays under. */
    private static final int ROWS_PER_STATEMENT = 250;

    private final ApiLogQueue queue;
    private final Outbox outbox;
    private final Vertx vertx;
    private final int batchSize;

    public ApiLogWriter(ApiLogQueue queue, Outbox outbox, Vertx vertx,
                        @ConfigProperty(name = "api-log.batch-size", defaultValue = "1000") int batchSize) {
        this.queue = queue;
        this.outbox = outbox;
        this.vertx = vertx;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${api-log.flush-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
                .onFailure().invoke(e -> batch.forEach(queue::add)) // keep them for the next run
                .chain(this::flush);
    }

    void flushAtShutdown(@Observes ShutdownEvent event) {
        if (queue.isEmpty()) {
            return;
        }
        // Hibernate Reactive needs a Vert.x context; the shutdown thread has none.
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(ignored -> flush().subscribe().with(done::complete, done::completeExceptionally));
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("API log entries were lost at shutdown: %s", e.toString());
        }
    }

    private Uni<Void> write(List<ApiCall> batch) {
        return Panache.withTransaction(() -> Multi.createFrom().iterable(partition(batch))
                .onItem().transformToUniAndConcatenate(this::insert)
                .collect().last()
                .chain(() -> Multi.createFrom().iterable(batch)
                        .filter(call -> call.voucherMatches() != null)
                        .onItem().transformToUniAndConcatenate(this::voucherSearched)
                        .collect().last())
                .replaceWithVoid());
    }

    private Uni<Integer> insert(List<ApiCall> rows) {
        String sql = COLUMNS + String.join(", ", Collections.nCopies(rows.size(), ROW));
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            int p = 1;
            for (ApiCall call : rows) {
                query.setParameter(p++, call.userName());
                query.setParameter(p++, call.method());
                query.setParameter(p++, call.endpoint());
                query.setParameter(p++, call.statusCode());
                query.setParameter(p++, call.voucherNumber());
                query.setParameter(p++, call.clientIp());
                query.setParameter(p++, call.durationMs());
                query.setParameter(p++, call.at());
            }
            return query.executeUpdate();
        });
    }

    private Uni<Void> voucherSearched(ApiCall call) {
        return outbox.publish(EventCatalog.VOUCHER_SEARCHED, call.voucherNumber(),
                new VoucherSearched(call.voucherNumber(), call.userName(), call.voucherMatches(), call.at().toInstant()))
                .replaceWithVoid();
    }

    private static List<List<ApiCall>> partition(List<ApiCall> batch) {
        List<List<ApiCall>> parts = new ArrayList<>();
        for (int i = 0; i < batch.size(); i += ROWS_PER_STATEMENT) {
            parts.add(batch.subList(i, Math.min(batch.size(), i + ROWS_PER_STATEMENT)));
        }
        return parts;
    }
}
