package com.clinicsuite.notification.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.testkit.KafkaBroker;
import com.clinicsuite.testkit.PostgresServer;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.File;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * End-to-end throughput: N ReminderRequested events (default 10,000) on Kafka -> the packaged service (its own JVM)
 * -> the e-mail provider. Per provider of {@code -Dbench.providers} (default {@code smtp}; {@code smtp,sendgrid} runs
 * one after the other against the same service, each with its own pharmacies):
 * <ul>
 *   <li>{@code smtp}: a GreenMail standalone SMTP server (its own JVM); every mailbox is read back over IMAP and
 *       Message-IDs compared;
 *   <li>{@code sendgrid}: a WireMock server (in this JVM) answering v3 Mail Send as SendGrid documents it (202 and
 *       {@code X-Message-Id}); every request is read back from its journal and the {@code reminder_id} each carries
 *       ({@code custom_args}) compared.
 * </ul>
 * Measures from the first event published until every delivery of the phase is {@code sent} (or failed); each
 * reminder must arrive exactly once. With {@code -Dbench.statements=true} every reminder carries its statement of
 * account (rendered to PDF and attached when sent; SendGrid: a base64 {@code attachments[]} entry, which the stub
 * requires); the first mail of each pharmacy is then opened and must hold a readable statement PDF.
 * Not part of the build (the class name does not match Surefire's includes); run bench/run.sh.
 */
class ReminderThroughputBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final int reminders = Integer.getInteger("bench.reminders", 10_000);
    private final int pharmacies = Integer.getInteger("bench.pharmacies", 10);
    /** With statements attached (bench/run.sh STATEMENTS=1) the target is 90 s instead of 60. */
    private final boolean statements = Boolean.getBoolean("bench.statements");

    private final Duration limit = Duration.ofSeconds(Long.getLong("bench.limit-seconds", statements ? 90 : 60));
    private final List<String> providers =
            List.of(System.getProperty("bench.providers", "smtp").split(","));
    private final Path work = Path.of("target/bench");

    /** What one provider's phase measured. */
    private record Result(
            String provider,
            long firstPharmacy,
            Duration published,
            Duration accepted,
            Duration elapsed,
            long rows,
            long sent,
            long failed,
            int received,
            int distinct,
            int lost,
            int withStatement) {}

    @Test
    void remindersAreMailedExactlyOnceWithinTheLimit() throws Exception {
        Files.createDirectories(work);
        PostgresServer postgres = PostgresServer.get();
        String database = postgres.createDatabase();
        KafkaBroker kafka = KafkaBroker.get();
        int smtpPort = freePort();
        int imapPort = freePort();
        int httpPort = freePort();

        boolean smtp = providers.contains("smtp");
        boolean sendGrid = providers.contains("sendgrid");
        Process greenMail = smtp
                ? start(
                        List.of(
                                java(),
                                "-Xmx512m",
                                "-Dgreenmail.smtp.hostname=127.0.0.1",
                                "-Dgreenmail.smtp.port=" + smtpPort,
                                "-Dgreenmail.imap.hostname=127.0.0.1",
                                "-Dgreenmail.imap.port=" + imapPort,
                                "-Dgreenmail.auth.disabled",
                                "-Dgreenmail.api.hostname=127.0.0.1",
                                "-Dgreenmail.api.port=" + freePort(),
                                "-jar",
                                greenMailJar()),
                        Map.of(),
                        "greenmail.log")
                : null;
        WireMockServer sendGridStub = sendGrid ? sendGridStub() : null;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", Integer.toString(httpPort));
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "postgres");
        env.put("DB_REACTIVE_URL", postgres.reactiveUrl(database));
        env.put("DB_JDBC_URL", postgres.jdbcUrl(database));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(smtpPort));
        env.put("SMTP_START_TLS", "DISABLED");
        env.put("SMTP_POOL_SIZE", System.getProperty("bench.smtp-pool", "16"));
        if (sendGridStub != null) {
            env.put("SENDGRID_URL", "http://127.0.0.1:" + sendGridStub.port());
        }
        env.put("NOTIFICATION_RATE_PER_PHARMACY", System.getProperty("bench.rate-per-pharmacy", "100"));
        env.put("NOTIFICATION_SECRETS_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        env.put("MP_JWT_VERIFY_PUBLICKEY", TestTokens.publicKeyPem());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", TestTokens.AUDIENCE);
        Process service =
                start(List.of(java(), "-Xmx256m", "-jar", "target/quarkus-app/quarkus-run.jar"), env, "service.log");
        List<Result> results = new ArrayList<>();
        try {
            String base = "http://127.0.0.1:" + httpPort;
            awaitReady(base + "/q/health/ready", Duration.ofMinutes(3));
            long firstPharmacy = 9_000_000 + (System.currentTimeMillis() % 100_000) * 100;
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(database), "postgres", "postgres")) {
                for (String provider : providers) {
                    results.add(phase(provider, base, kafka, db, firstPharmacy, imapPort, sendGridStub));
                    firstPharmacy += pharmacies;
                }
            }
        } finally {
            service.destroy();
            if (greenMail != null) {
                greenMail.destroy();
            }
            if (sendGridStub != null) {
                sendGridStub.stop();
            }
        }
        System.out.printf(
                "%n=== notification-service benchmark ===%n"
                        + "reminders per provider: %d (%d pharmacies), statements attached: %s, limit %d s%n",
                reminders, pharmacies, statements ? "yes (half English, half Afrikaans)" : "no", limit.toSeconds());
        for (Result r : results) {
            System.out.printf(
                    "%s: %d of %d sent after %.1f s (%.0f reminders/s); published in %d ms, all accepted after %s;"
                            + " delivery rows %d (failed %d); received %d, distinct %d -> duplicated %d, lost %d%s%n",
                    r.provider(),
                    r.sent(),
                    reminders,
                    r.elapsed().toMillis() / 1000.0,
                    r.sent() / (r.elapsed().toMillis() / 1000.0),
                    r.published().toMillis(),
                    r.accepted() == null
                            ? "never (limit x 3 reached)"
                            : r.accepted().toMillis() / 1000.0 + " s",
                    r.rows(),
                    r.failed(),
                    r.received(),
                    r.distinct(),
                    r.received() - r.distinct(),
                    r.lost(),
                    statements
                            ? "; a readable statement PDF in the first mail of " + r.withStatement() + " of "
                                    + pharmacies + " pharmacies"
                            : "");
        }
        System.out.println();
        for (Result r : results) {
            assertThat(r.sent()).as(r.provider()).isEqualTo(reminders);
            assertThat(r.received()).as(r.provider()).isEqualTo(reminders);
            assertThat(r.distinct()).as(r.provider()).isEqualTo(reminders);
            assertThat(r.lost()).as(r.provider()).isZero();
            assertThat(r.elapsed()).as(r.provider()).isLessThan(limit);
            if (statements) {
                assertThat(r.withStatement()).as(r.provider()).isEqualTo(pharmacies);
            }
        }
    }

    /** One provider: configure its pharmacies, publish, wait until every delivery is handled, read back. */
    private Result phase(
            String provider,
            String base,
            KafkaBroker kafka,
            Connection db,
            long firstPharmacy,
            int imapPort,
            WireMockServer sendGridStub)
            throws Exception {
        for (int p = 0; p < pharmacies; p++) {
            configure(base, firstPharmacy + p, provider);
        }
        String ofPhase = " where pharmacy_id between " + firstPharmacy + " and " + (firstPharmacy + pharmacies - 1);
        Instant start = Instant.now();
        Set<String> published = publish(kafka, firstPharmacy);
        Duration publishing = Duration.between(start, Instant.now());
        long sent;
        long failed;
        long accepted = 0;
        Duration allAccepted = null;
        do {
            Thread.sleep(250);
            sent = count(db, "select count(*) from delivery" + ofPhase + " and status = 'sent'");
            failed = count(db, "select count(*) from delivery" + ofPhase + " and status = 'failed'");
            if (allAccepted == null && (accepted = count(db, "select count(*) from delivery" + ofPhase)) == reminders) {
                allAccepted = Duration.between(start, Instant.now());
            }
        } while (sent + failed < reminders
                && Duration.between(start, Instant.now()).compareTo(limit.multipliedBy(3)) < 0);
        Duration elapsed = Duration.between(start, Instant.now());
        long rows = count(db, "select count(*) from delivery" + ofPhase);
        System.out.printf(
                "%n%s: all %d reminders accepted (queued) after %s; handled after %s%n",
                provider, accepted, allAccepted, elapsed);
        try (ResultSet errors = db.createStatement()
                .executeQuery(
                        "select error, count(*) from delivery" + ofPhase + " and status = 'failed' group by error")) {
            while (errors.next()) {
                System.out.printf("failed: %d x %s%n", errors.getLong(2), errors.getString(1));
            }
        }
        List<String> received = new ArrayList<>();
        int[] withStatement = {0};
        if (provider.equals("smtp")) {
            readMailboxes(imapPort, firstPharmacy, received, withStatement);
        } else {
            readSendGridRequests(sendGridStub, firstPharmacy, received, withStatement);
        }
        Set<String> distinct = new HashSet<>(received);
        int lost = 0;
        if (provider.equals("sendgrid")) { // the requests name their reminder: compare with what was published
            for (String id : published) {
                if (!distinct.contains(id)) {
                    lost++;
                }
            }
        } else { // mails carry their own Message-ID: compare counts
            lost = reminders - distinct.size();
        }
        return new Result(
                provider,
                firstPharmacy,
                publishing,
                allAccepted,
                elapsed,
                rows,
                sent,
                failed,
                received.size(),
                distinct.size(),
                lost,
                withStatement[0]);
    }

    /**
     * SendGrid as the tests stub it: POST /v3/mail/send answered 202 with an {@code X-Message-Id}; with statements
     * only a request with a base64 PDF in {@code attachments[]} (as v3 Mail Send documents files) is answered, anything
     * else gets WireMock's 404 and fails its delivery.
     */
    private WireMockServer sendGridStub() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(Integer.getInteger("bench.stub-threads", 32)));
        server.start();
        MappingBuilder send = post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", matching("Bearer SG\\.bench-[0-9]+"))
                .withRequestBody(matchingJsonPath("$.custom_args.reminder_id"));
        if (statements) {
            send = send.withRequestBody(matchingJsonPath("$.attachments[0].type", equalTo("application/pdf")))
                    .withRequestBody(matchingJsonPath("$.attachments[0].disposition", equalTo("attachment")))
                    .withRequestBody(matchingJsonPath("$.attachments[0].filename", matching("statement_.+\\.pdf")));
        }
        server.stubFor(send.willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "bench-sendgrid")));
        return server;
    }

    /** Every request the stub answered (202) for the phase's pharmacies: the reminder id each names. */
    private void readSendGridRequests(
            WireMockServer server, long firstPharmacy, List<String> received, int[] withStatement) throws Exception {
        Set<String> checked = new HashSet<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            LoggedRequest request = event.getRequest();
            String authorization = request.getHeader("Authorization");
            if (event.getResponse().getStatus() != 202 || authorization == null) {
                continue;
            }
            long pharmacy = Long.parseLong(authorization.substring("Bearer SG.bench-".length()));
            if (pharmacy < firstPharmacy || pharmacy >= firstPharmacy + pharmacies) {
                continue;
            }
            JsonNode body = JSON.readTree(request.getBodyAsString());
            received.add(body.get("custom_args").get("reminder_id").asText());
            if (statements && checked.add(authorization)) {
                JsonNode attachment = body.get("attachments").get(0);
                if (isStatement(
                        Base64.getDecoder().decode(attachment.get("content").asText()))) {
                    withStatement[0]++;
                }
            }
        }
    }

    /** Publishes the phase's reminders, spread over its pharmacies; returns their reminder ids. */
    private Set<String> publish(KafkaBroker kafka, long firstPharmacy) throws Exception {
        Set<String> ids = new HashSet<>();
        Properties p = kafka.clientProperties();
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        p.put("linger.ms", "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < reminders; i++) {
                long pharmacy = firstPharmacy + i % pharmacies;
                String reminderId = UUID.randomUUID().toString();
                ids.add(reminderId);
                ReminderRequested r = new ReminderRequested(
                        reminderId,
                        pharmacy,
                        i,
                        "ACC" + i,
                        ReminderChannel.EMAIL,
                        "bench-" + pharmacy + "@debtors.example",
                        "Debtor " + i,
                        new BigDecimal("1234.56"),
                        Map.of("d60", new BigDecimal("1000.00"), "d90", new BigDecimal("234.56")),
                        "bench",
                        Instant.now(),
                        null, // the pharmacy's default language
                        statements ? statement(i, "bench-" + pharmacy + "@debtors.example") : null);
                ProducerRecord<String, String> record = new ProducerRecord<>(
                        EventCatalog.REMINDER_REQUESTED.topic(), Long.toString(pharmacy), JSON.writeValueAsString(r));
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", UUID.randomUUID().toString());
                header(record, "ce_type", EventCatalog.REMINDER_REQUESTED.type());
                header(record, "ce_source", "urn:clinicsuite:bench");
                header(record, "content-type", "application/json");
                acks.add(producer.send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
        return ids;
    }

    /** Every mail of the phase's mailboxes: its Message-ID. */
    private void readMailboxes(int imapPort, long firstPharmacy, List<String> messageIds, int[] withStatement)
            throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(imapPort));
        for (int p = 0; p < pharmacies; p++) {
            String user = "bench-" + (firstPharmacy + p) + "@debtors.example";
            Store store = Session.getInstance(props).getStore("imap");
            store.connect(user, user);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add("Message-ID");
            inbox.fetch(messages, profile);
            for (Message m : messages) {
                String[] ids = m.getHeader("Message-ID");
                messageIds.add(ids == null ? "missing-" + UUID.randomUUID() : ids[0]);
            }
            if (statements && messages.length > 0 && hasStatement(messages[0])) {
                withStatement[0]++;
            }
            inbox.close(false);
            store.close();
        }
    }

    private static ReminderRequested.StatementOfAccount statement(int i, String email) {
        BigDecimal zero = new BigDecimal("0.00");
        return new ReminderRequested.StatementOfAccount(
                java.time.LocalDate.of(2026, 11, 30),
                i % 2 == 0 ? "en" : "af",
                email,
                "082 123 4567",
                new BigDecimal("120.00"),
                zero,
                new BigDecimal("1000.00"),
                new BigDecimal("234.56"),
                zero,
                zero,
                zero,
                new BigDecimal("1354.56"));
    }

    /** Whether the mail carries a PDF attachment that PDFBox reads as a statement of account. */
    private static boolean hasStatement(Message mail) throws Exception {
        if (!(mail.getContent() instanceof jakarta.mail.Multipart multipart)) {
            return false;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("application/pdf")) {
                try (java.io.InputStream in = part.getInputStream()) {
                    return isStatement(in.readAllBytes());
                }
            }
        }
        return false;
    }

    /** Whether PDFBox reads the bytes as a statement of account, in English or Afrikaans. */
    private static boolean isStatement(byte[] bytes) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            return text.contains("Statement of account") || text.contains("Rekeningstaat");
        }
    }

    /** The pharmacy's e-mail settings: SMTP (the service's server) or its own SendGrid key {@code SG.bench-<id>}. */
    private static void configure(String base, long pharmacy, String provider) throws Exception {
        String body = "{\"email_provider\":\"" + provider + "\","
                + (provider.equals("sendgrid") ? "\"sendgrid_api_key\":\"SG.bench-" + pharmacy + "\"," : "")
                + "\"from_email\":\"accounts@bench.example\",\"from_name\":\"Bench Pharmacy\","
                + "\"display_name\":\"Bench Pharmacy\",\"contact_phone\":\"036 000 0000\",\"bank_details\":\"Bank 123\"}";
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/pharmacies/" + pharmacy + "/notification-settings"))
                                .header("Authorization", "Bearer " + TestTokens.admin())
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static void awaitReady(String url, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HttpClient.newHttpClient()
                                .send(
                                        HttpRequest.newBuilder(URI.create(url)).build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The service did not become ready; see target/bench/service.log");
    }

    private Process start(List<String> command, Map<String, String> env, String logName) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(logName).toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return process;
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String greenMailJar() throws Exception {
        Path file = Path.of("../deploy/local/infra-classpath/target/classes/com/clinicsuite/infra/greenmail.classpath");
        String classpath = Files.readString(file, StandardCharsets.UTF_8).trim();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.contains("greenmail-standalone")) {
                return entry;
            }
        }
        throw new IllegalStateException("No greenmail-standalone jar in " + file);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
