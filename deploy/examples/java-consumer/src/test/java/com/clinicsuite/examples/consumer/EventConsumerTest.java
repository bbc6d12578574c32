package com.clinicsuite.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.Topics;
import com.clinicsuite.events.auth.PharmacyUpserted;
import com.clinicsuite.events.credit.CreditBalanceChanged;
import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.events.notifications.ChannelConfigured;
import com.clinicsuite.events.notifications.OptOutRecorded;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.FreePorts;
import com.clinicsuite.testkit.KafkaBroker;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.vocabulary.ReportStatus;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example consumer against a real Kafka broker (the test kit's), fed by the test kit's EventPublisher, which
 * publishes exactly as the suite's outbox relay does (CloudEvents headers, ce_dataschema under a base URL). The
 * schemas are served over HTTP from the platform-events jar the way auth-service serves them
 * (/events/schemas/<type>.json; auth-service's own EventSchemaEndpointsTest checks that endpoint).
 */
class EventConsumerTest {

    private static HttpServer schemaServer;
    private static URI schemaBaseUrl;
    private static final Map<String, AtomicInteger> FETCHES = new ConcurrentHashMap<>();

    @BeforeAll
    static void serveTheSchemas() throws Exception {
        schemaServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        schemaServer.createContext("/events/schemas/", exchange -> {
            String file = exchange.getRequestURI().getPath().substring("/events/schemas/".length());
            FETCHES.computeIfAbsent(file, f -> new AtomicInteger()).incrementAndGet();
            byte[] body = EventCatalog.ALL.stream()
                    .filter(t -> t.schemaFileName().equals(file))
                    .findFirst()
                    .map(t -> resource(t.schemaResource()))
                    .orElse(null);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/schema+json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        schemaServer.start();
        schemaBaseUrl =
                URI.create("http://127.0.0.1:" + schemaServer.getAddress().getPort() + "/events/schemas/");
    }

    @AfterAll
    static void stopServing() {
        schemaServer.stop(0);
    }

    @Test
    void acceptsEveryValidEventAndRejectsOneThatBreaksItsSchemaOrNamesNone() {
        String pharmacy = Long.toString(System.nanoTime());
        String completed;
        String failed;
        String channels;
        String floatAmount = UUID.randomUUID().toString();
        String unnamedSchema = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(schemaBaseUrl)) {
            completed = publisher.send(
                    EventCatalog.REPORT_PROCESSED,
                    pharmacy,
                    new ReportProcessed("rep-1", 2, 11L, ReportStatus.COMPLETED, 12, new BigDecimal("8641.50"), null));
            failed = publisher.send(
                    EventCatalog.REPORT_PROCESSED,
                    pharmacy,
                    new ReportProcessed(
                            "rep-2", 2, null, ReportStatus.FAILED, 0, new BigDecimal("0.00"), "totals differ"));
            channels = publisher.send(EventCatalog.CHANNEL_CONFIGURED, pharmacy, new ChannelConfigured(2, true, false));
            // money as a JSON number: the schema wants a decimal string
            publisher.sendRaw(
                    Topics.DEBTORS_REPORT_STATUS, EventCatalog.REPORT_PROCESSED.type(), pharmacy, """
                    {"report_id":"rep-3","pharmacy_id":2,"debtor_report_id":null,"status":"completed",
                     "total_accounts":1,"total_outstanding":12.5,"error":null}""", floatAmount);
            // a type outside the catalogue: the relay (and so the publisher) names no schema for it
            publisher.sendRaw(
                    Topics.DEBTORS_REPORT_STATUS, "debtors.report-processed.v9", pharmacy, "{}", unnamedSchema);
        }

        Run run = consume(
                "--topics", Topics.DEBTORS_REPORT_STATUS + "," + Topics.NOTIFICATIONS_CHANNELS,
                "--expect-types", EventCatalog.REPORT_PROCESSED.type() + "," + EventCatalog.CHANNEL_CONFIGURED.type());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.lines("accepted"))
                .hasSize(3)
                .anySatisfy(l -> assertThat(l).contains("debtors.report-processed.v1 id=" + completed))
                .anySatisfy(l -> assertThat(l).contains("debtors.report-processed.v1 id=" + failed))
                .anySatisfy(l -> assertThat(l).contains("notifications.channel-configured.v1 id=" + channels));
        assertThat(run.lines("REJECTED"))
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("id=" + floatAmount).contains("total_outstanding"))
                .anySatisfy(l -> assertThat(l).contains("id=" + unnamedSchema).contains("no ce_dataschema"));
        assertThat(run.output).contains("event-consumer: 3 accepted, 2 rejected, 2 schema fetches");
        // one fetch per schema, however many events name it
        assertThat(FETCHES.get(EventCatalog.REPORT_PROCESSED.schemaFileName())).hasValue(1);
        // the data itself (it may hold personal data) is never printed
        assertThat(run.output).doesNotContain("totals differ").doesNotContain("12.5");
    }

    @Test
    void exitsZeroWhenEveryEventIsValidAndEveryExpectedTypeCame() {
        String client = "AD" + System.nanoTime();
        try (EventPublisher publisher = new EventPublisher(schemaBaseUrl)) {
            publisher.send(
                    EventCatalog.CREDIT_BALANCE_CREATED,
                    client,
                    new CreditBalanceChanged(
                            1,
                            client,
                            "PRP Hair Restoration",
                            "Punjabi Bagh",
                            new BigDecimal("1234.50"),
                            new BigDecimal("1234.50"),
                            new BigDecimal("0.00"),
                            new BigDecimal("0.00"),
                            12,
                            11,
                            1,
                            "PBAD05349",
                            "admin"));
            publisher.send(
                    EventCatalog.PHARMACY_UPSERTED, "2", new PharmacyUpserted(2, "Winterton Pharmacy", "WIN", true));
        }
        String topics = Topics.CREDIT_BALANCES + "," + Topics.AUTH_PHARMACIES;

        Run run = consume(
                "--topics",
                topics,
                "--expect-types",
                EventCatalog.CREDIT_BALANCE_CREATED.type() + "," + EventCatalog.PHARMACY_UPSERTED.type());
        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.lines("REJECTED")).isEmpty();
        assertThat(run.lines("accepted")).hasSize(2);

        // the same topics, expecting a type that never came: not a success
        Run expectingMore = consume("--topics", topics, "--expect-types", EventCatalog.CREDIT_BALANCE_DELETED.type());
        assertThat(expectingMore.exitCode).isEqualTo(1);
        assertThat(expectingMore.output).contains("event-consumer: no accepted credit.balance-deleted.v1 event");
    }

    @Test
    void anEventWhoseSchemaCannotBeFetchedIsRejected() {
        URI nothingListens = URI.create("http://127.0.0.1:" + FreePorts.next() + "/events/schemas/");
        URI wrongPath = schemaBaseUrl.resolve("/elsewhere/");
        String unreachable;
        String notFound;
        OptOutRecorded optOut = new OptOutRecorded(2, ReminderChannel.SMS, "0821234567", true, Instant.now());
        try (EventPublisher toNowhere = new EventPublisher(nothingListens);
                EventPublisher toWrongPath = new EventPublisher(wrongPath)) {
            unreachable = toNowhere.send(EventCatalog.OPT_OUT_RECORDED, "2", optOut);
            notFound = toWrongPath.send(EventCatalog.OPT_OUT_RECORDED, "2", optOut);
        }

        Run run = consume("--topics", Topics.NOTIFICATIONS_OPT_OUTS);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.lines("accepted")).isEmpty();
        assertThat(run.lines("REJECTED"))
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("id=" + unreachable).contains("could not be read"))
                .anySatisfy(l -> assertThat(l).contains("id=" + notFound).contains("answered HTTP 404"));
        assertThat(run.output).doesNotContain("0821234567");
    }

    @Test
    void wrongUsageExitsTwoWithoutConnecting() {
        Run run = run(new String[] {"--bootstrap", KafkaBroker.get().bootstrapServers()});
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.errors).contains("no topics").contains("usage:");
    }

    /** Runs the consumer from the start of the topics with a group of its own until the topics go quiet. */
    private static Run consume(String... args) {
        String[] all = new String[args.length + 6];
        all[0] = "--bootstrap";
        all[1] = KafkaBroker.get().bootstrapServers();
        all[2] = "--group";
        all[3] = "example-consumer.test-" + UUID.randomUUID();
        all[4] = "--until-idle";
        all[5] = "3s";
        System.arraycopy(args, 0, all, 6, args.length);
        return run(all);
    }

    private static Run run(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EventConsumer.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String output, String errors) {
        List<String> lines(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = EventCatalog.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IllegalStateException(name, e);
        }
    }
}
