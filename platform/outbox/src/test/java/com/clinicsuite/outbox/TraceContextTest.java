package com.clinicsuite.outbox;

import static com.clinicsuite.outbox.OutboxTestSupport.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.outbox.testapp.NoteService;
import com.clinicsuite.outbox.testapp.RecordingSpanExporter;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TopicReader;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trace context through the outbox (docs/operations.md, "Metrics, traces and logs"): a request's trace id is stored
 * with the event it publishes, travels as the record's traceparent header after commit (outside the request), and
 * the consumer's handler runs in a span whose parent is the request's span; the log lines of both carry that trace id
 * in the format every service uses (platform-web's quarkus.log.console.format).
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class TraceContextTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    RecordingSpanExporter spans;

    @Inject
    NoteService notes;

    @Inject
    Tracer tracer;

    /** Every log line of the application while a test runs, formatted as the console writes it. */
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private final Handler capture = new Handler() {
        private final PatternFormatter formatter =
                new PatternFormatter(ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class));

        @Override
        public void publish(LogRecord record) {
            // formatted at once, on the thread and Vert.x context that logs: the MDC is the one the line is written
            // with
            lines.add(formatter.format(ExtLogRecord.wrap(record)));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLogs() {
        org.jboss.logmanager.Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        org.jboss.logmanager.Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void theLogFormatCarriesTraceAndSpanIds() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class))
                .contains("%X{traceId}")
                .contains("%X{spanId}");
    }

    @Test
    void oneTraceFromTheRequestThroughTheOutboxToTheConsumer() throws Exception {
        String key = "traced-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpanId = traceId.substring(0, 16);
        try (TopicReader reader = new TopicReader("test.notes")) {
            given().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                    .when()
                    .post("/trace-probe/" + key)
                    .then()
                    .statusCode(204);

            // the request's server span: a child of the caller's, in its trace
            SpanData server = await().atMost(WAIT)
                    .until(
                            () -> spans.finished().stream()
                                    .filter(s -> s.getKind() == SpanKind.SERVER
                                            && s.getTraceId().equals(traceId))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            assertThat(server.getParentSpanId()).isEqualTo(callerSpanId);

            // stored with the event: the span current where it was published (the request's)
            String stored = traceparentOf(key);
            assertThat(stored).isEqualTo("00-" + traceId + "-" + server.getSpanId() + "-01");

            // sent later by the relay, outside the request, as the record's header
            TopicReader.Record record =
                    reader.await(1, r -> key.equals(r.key()), WAIT).get(0);
            assertThat(record.header("traceparent")).isEqualTo(stored);

            // applied by the consumer in a span whose parent is the stored context
            SpanData consumed = await().atMost(WAIT)
                    .until(
                            () -> spans.finished().stream()
                                    .filter(s -> s.getName().equals("test.notes process")
                                            && s.getTraceId().equals(traceId)
                                            && "note-consumer"
                                                    .equals(s.getAttributes().asMap().entrySet().stream()
                                                            .filter(a -> a.getKey()
                                                                    .getKey()
                                                                    .equals("clinicsuite.consumer"))
                                                            .map(a -> String.valueOf(a.getValue()))
                                                            .findFirst()
                                                            .orElse(null)))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            assertThat(consumed.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(consumed.getParentSpanId()).isEqualTo(server.getSpanId());
            assertThat(count("select count(*) from note_seen where note_key = '" + key + "'"))
                    .isEqualTo(1);

            // both log lines carry the trace id, each with its own span id
            assertThat(lines)
                    .anyMatch(line -> line.contains("trace probe publishes a note for " + key)
                            && line.contains("[" + traceId + "," + server.getSpanId() + "]"));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(lines)
                            .anyMatch(line -> line.contains("note-consumer applies event " + record.ceId())
                                    && line.contains("[" + traceId + "," + consumed.getSpanId() + "]")));
        }
    }

    @Test
    void anEventPublishedOutsideAnyTraceHasNoTraceparentAndItsConsumerStartsATrace() throws Throwable {
        String key = "untraced-" + UUID.randomUUID();
        VertxContextSupport.<Void>subscribeAndAwait(() -> notes.publishOnly(key, 0, "untraced"));
        assertThat(traceparentOf(key)).isNull();
        try (TopicReader reader = new TopicReader("test.notes")) {
            TopicReader.Record record =
                    reader.await(1, r -> key.equals(r.key()), WAIT).get(0);
            assertThat(record.headers()).doesNotContainKey("traceparent");
            SpanData consumed = await().atMost(WAIT)
                    .until(
                            () -> spans.finished().stream()
                                    .filter(s -> s.getName().equals("test.notes process")
                                            && s.getAttributes()
                                                    .asMap()
                                                    .values()
                                                    .contains(record.ceId()))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            assertThat(consumed.getParentSpanContext().isValid()).isFalse();
        }
    }

    @Test
    void reactiveWorkStartedOnAContextOfItsOwnContinuesTheCallersTrace() throws Throwable {
        // as import-service's upload worker hands its report to the database (Blocking.await)
        String key = "worker-" + UUID.randomUUID();
        Span span = tracer.spanBuilder("worker").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            VertxContextSupport.<Void>subscribeAndAwait(
                    TraceContext.continuing(() -> notes.publishOnly(key, 0, "from a worker")));
        } finally {
            span.end();
        }
        assertThat(traceparentOf(key))
                .isEqualTo("00-" + span.getSpanContext().getTraceId() + "-"
                        + span.getSpanContext().getSpanId() + "-01");
    }

    private static String traceparentOf(String key) throws Exception {
        try (Connection c = SuiteInfrastructure.jdbcConnection();
                PreparedStatement s =
                        c.prepareStatement("select traceparent from outbox_event where aggregate_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("outbox row of %s", key).isTrue();
                return rs.getString(1);
            }
        }
    }
}
