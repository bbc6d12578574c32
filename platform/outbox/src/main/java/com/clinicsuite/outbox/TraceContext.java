package com.clinicsuite.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Carries the W3C trace context across the outbox, so a change and everything its events cause is one trace
 * (an upload: import-service's request, debtor-service applying the report, import-service receiving its status).
 * <ul>
 *   <li>{@link Outbox} stores {@link #currentTraceparent()} with each event: the span current where the event is
 *       published (the HTTP request, or the consumer span of the event being handled);
 *   <li>{@link OutboxRelay} sends it as the record's {@value #TRACEPARENT} header, later and outside that span;
 *   <li>{@link Inbox} runs the handler in {@link #consumerSpan a consumer span} whose parent is that header, current
 *       for the whole reactive chain (so the handler's logs carry its trace id and its own events continue it).
 * </ul>
 * Trace ids exist whether or not the trace is sampled (exported): platform-web's defaults keep tracing on and export
 * off unless configured (docs/operations.md, "Metrics, traces and logs").
 */
@ApplicationScoped
public class TraceContext {

    /** The Kafka header (and outbox column) of the W3C trace context. */
    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new java.util.ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;

    public TraceContext(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current span's {@code traceparent}, or null when there is no valid span (nothing traced, SDK off). */
    public static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * {@code work} with the trace current here (the caller's request, on its worker thread) made current again where
     * the work runs: for reactive work started on a Vert.x context of its own ({@code VertxContextSupport},
     * {@link ReactiveWork}), which would otherwise start with no trace, so the events it publishes would carry none.
     */
    public static <T> Supplier<Uni<T>> continuing(Supplier<Uni<T>> work) {
        Context trace = Context.current();
        if (!Span.fromContext(trace).getSpanContext().isValid()) {
            return work;
        }
        return () -> {
            Scope scope = trace.makeCurrent();
            Uni<T> started;
            try {
                started = work.get();
            } catch (RuntimeException e) {
                scope.close();
                throw e;
            }
            return started.onTermination().invoke(scope::close);
        };
    }

    /**
     * Runs {@code work} in a new consumer span, child of the message's {@code traceparent} header (a new trace when
     * it has none): current from subscription until the work's Uni ends, on the message's Vert.x context.
     */
    <R> Uni<R> inConsumerSpan(String consumer, Message<String> message, String eventId, Supplier<Uni<R>> work) {
        return Uni.createFrom().deferred(() -> {
            Span span = consumerSpan(consumer, message, eventId);
            Scope scope = span.makeCurrent();
            Uni<R> started;
            try {
                started = work.get();
            } catch (RuntimeException e) {
                scope.close();
                span.end();
                throw e;
            }
            return started.onTermination().invoke((result, failure, cancelled) -> {
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR, failure.getClass().getName());
                }
                scope.close();
                span.end();
            });
        });
    }

    /** The span a consumer handles one message in: named after the topic, parent from the record's headers. */
    Span consumerSpan(String consumer, Message<String> message, String eventId) {
        IncomingKafkaRecordMetadata<?, ?> kafka =
                message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        Context parent =
                kafka == null ? Context.root() : W3C.extract(Context.root(), kafka.getHeaders(), KAFKA_HEADERS);
        String topic = kafka == null ? consumer : kafka.getTopic();
        var span = tracer.spanBuilder(topic + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("clinicsuite.consumer", consumer);
        if (kafka != null) {
            span.setAttribute("messaging.destination.partition.id", Integer.toString(kafka.getPartition()))
                    .setAttribute("messaging.kafka.offset", kafka.getOffset());
        }
        return span.startSpan();
    }
}
