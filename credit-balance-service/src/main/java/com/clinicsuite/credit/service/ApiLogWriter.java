package com.clinicsuite.credit.service;

import com.clinicsuite.credit.config.ApiLogConfig;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.credit.VoucherSearchesLogged;
import com.clinicsuite.outbox.JsonRowsInsert;
import com.clinicsuite.outbox.JsonRowsInsert.Column;
import com.clinicsuite.outbox.JsonRowsInsert.Type;
import com.clinicsuite.outbox.Outbox;
import com.clinicsuite.outbox.ReactiveWork;
import com.clinicsuite.outbox.SqlDialect;
import com.clinicsuite.outbox.SqlErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Drains {@link ApiLogQueue} into the api_log table in batches: one INSERT per batch ({@link JsonRowsInsert}), in
 * the same transaction as the credit.voucher-searches-logged event(s) listing the voucher searches among them (one
 * event per batch, split every {@code api-log.searches-per-event} searches). Runs on a schedule and once more at
 * shutdown, so requests never wait for the log. A batch of up to 5,000 calls costs two statements; it has to be that
 * large for the writer to keep up while requests saturate the event loops (the benchmark's ~15,000 calls/s), because
 * each of its round trips waits behind them.
 *
 * <p>One row never holds up the others. Every field already fits its column ({@link ApiCall}); should the database
 * still refuse a batch because of its data (a CHECK, a value it will not take: SQLSTATE class 22 or 23, or the SQL
 * Server equivalents) the batch is halved and each half written on its own, down to the single row, which is then
 * dropped, counted ({@code api_log_rejected_total}, alert ClinicSuiteApiLogRowsRejected) and logged without its
 * content. Any other failure (the database away, a deadlock) keeps the unwritten calls at the head of the queue for
 * the next run: nothing is dropped for a fault that is not the row's.
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
    private final int searchesPerEvent;
    private final JsonRowsInsert<ApiCall> insert;
    private final Counter rejected;

    public ApiLogWriter(
            ApiLogQueue queue,
            Outbox outbox,
            Vertx vertx,
            MeterRegistry registry,
            ApiLogConfig config,
            SqlDialect dialect) {
        this.queue = queue;
        this.outbox = outbox;
        this.vertx = vertx;
        this.batchSize = config.batchSize();
        this.searchesPerEvent = config.searchesPerEvent();
        this.insert = JsonRowsInsert.into("api_log", COLUMNS, dialect);
        this.rejected = registry.counter("api_log.rejected");
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
        Deque<List<ApiCall>> pending = new ArrayDeque<>();
        pending.add(batch);
        return writeAll(pending).chain(this::flush);
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

    /** Writes the pending parts one after the other, halving a part the database refuses for its data. */
    private Uni<Void> writeAll(Deque<List<ApiCall>> pending) {
        List<ApiCall> rows = pending.poll();
        if (rows == null) {
            return Uni.createFrom().voidItem();
        }
        return write(rows).onItemOrFailure().transformToUni((written, failure) -> {
            if (failure == null) {
                return writeAll(pending);
            }
            if (!SqlErrors.refusedForItsData(failure)) {
                // not the rows' fault: keep every unwritten call, in order, for the next run
                List<ApiCall> unwritten = new ArrayList<>(rows);
                pending.forEach(unwritten::addAll);
                queue.putBack(unwritten);
                return Uni.createFrom().failure(failure);
            }
            if (rows.size() == 1) {
                reject(failure);
                return writeAll(pending);
            }
            int half = rows.size() / 2;
            pending.addFirst(rows.subList(half, rows.size()));
            pending.addFirst(rows.subList(0, half));
            return writeAll(pending);
        });
    }

    private Uni<Void> write(List<ApiCall> rows) {
        String json = insert.json(rows);
        List<VoucherSearchesLogged> events = searchEvents(rows);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(insert.sql())
                        .setParameter(1, json)
                        .executeUpdate())
                .chain(() -> outbox.publishAll(
                        EventCatalog.VOUCHER_SEARCHES_LOGGED,
                        events,
                        event -> UUID.randomUUID().toString()))
                .replaceWithVoid());
    }

    /** The voucher searches among {@code rows}, at most {@code searchesPerEvent} per event. */
    List<VoucherSearchesLogged> searchEvents(List<ApiCall> rows) {
        List<VoucherSearchesLogged> events = new ArrayList<>();
        List<VoucherSearchesLogged.Search> searches = new ArrayList<>();
        for (ApiCall call : rows) {
            if (call.voucherMatches() == null) {
                continue;
            }
            searches.add(new VoucherSearchesLogged.Search(
                    call.userName(),
                    call.voucherNumber() == null ? "" : call.voucherNumber(),
                    call.voucherMatches(),
                    call.at()));
            if (searches.size() == searchesPerEvent) {
                events.add(new VoucherSearchesLogged(List.copyOf(searches)));
                searches.clear();
            }
        }
        if (!searches.isEmpty()) {
            events.add(new VoucherSearchesLogged(List.copyOf(searches)));
        }
        return events;
    }

    private void reject(Throwable failure) {
        rejected.increment();
        // the SQLSTATE / error number only: the row and the database's message may hold personal data
        LOG.warnf(
                "The database refused an API-log entry; it was dropped (SQLSTATE %s, error %d; %.0f dropped so far)",
                SqlErrors.sqlState(failure), SqlErrors.vendorCode(failure), rejected.count());
    }
}
