package com.clinicsuite.notification.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.testkit.KafkaBroker;
import com.clinicsuite.testkit.PostgresServer;
import com.clinicsuite.testkit.TestTokens;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
 * -> a GreenMail standalone SMTP server (its own JVM). Measures from the first event published until every
 * delivery is {@code sent}, then reads every mailbox back over IMAP: each reminder must arrive exactly once.
 * With {@code -Dbench.statements=true} every reminder carries its statement of account (rendered to PDF and attached
 * when sent); the first mail of each mailbox is then opened and must hold a readable statement PDF.
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
    private final Path work = Path.of("target/bench");

    @Test
    void remindersAreMailedExactlyOnceWithinTheLimit() throws Exception {
        Files.createDirectories(work);
        PostgresServer postgres = PostgresServer.get();
        String database = postgres.createDatabase();
        KafkaBroker kafka = KafkaBroker.get();
        int smtpPort = freePort();
        int imapPort = freePort();
        int httpPort = freePort();

        Process greenMail = start(
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
                "greenmail.log");
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
        env.put("NOTIFICATION_RATE_PER_PHARMACY", System.getProperty("bench.rate-per-pharmacy", "100"));
        env.put("NOTIFICATION_SECRETS_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        env.put("MP_JWT_VERIFY_PUBLICKEY", TestTokens.publicKeyPem());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", TestTokens.AUDIENCE);
        Process service =
                start(List.of(java(), "-Xmx256m", "-jar", "target/quarkus-app/quarkus-run.jar"), env, "service.log");
        try {
            String base = "http://127.0.0.1:" + httpPort;
            awaitReady(base + "/q/health/ready", Duration.ofMinutes(3));
            long firstPharmacy = 9_000_000 + (System.currentTimeMillis() % 100_000) * 100;
            for (int p = 0; p < pharmacies; p++) {
                configure(base, firstPharmacy + p);
            }

            Instant start = Instant.now();
            publish(kafka, firstPharmacy);
            Duration published = Duration.between(start, Instant.now());
            long sent;
            long failed;
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(database), "postgres", "postgres")) {
                long accepted = 0;
                Duration allAccepted = null;
                do {
                    Thread.sleep(250);
                    sent = count(db, "select count(*) from delivery where status = 'sent'");
                    failed = count(db, "select count(*) from delivery where status = 'failed'");
                    if (allAccepted == null && (accepted = count(db, "select count(*) from delivery")) == reminders) {
                        allAccepted = Duration.between(start, Instant.now());
                    }
                } while (sent + failed < reminders
                        && Duration.between(start, Instant.now()).compareTo(limit.multipliedBy(3)) < 0);
                Duration elapsed = Duration.between(start, Instant.now());
                long rows = count(db, "select count(*) from delivery");
                System.out.printf(
                        "%nall %d reminders accepted (queued) after %s; handled after %s%n",
                        accepted, allAccepted, elapsed);
                try (ResultSet errors = db.createStatement()
                        .executeQuery("select error, count(*) from delivery where status = 'failed' group by error")) {
                    while (errors.next()) {
                        System.out.printf("failed: %d x %s%n", errors.getLong(2), errors.getString(1));
                    }
                }

                Set<String> messageIds = new HashSet<>();
                int[] withStatement = {0};
                int mails = readMailboxes(imapPort, firstPharmacy, messageIds, withStatement);
                System.out.printf(
                        "%n=== notification-service benchmark ===%n"
                                + "reminders published:  %d (%d pharmacies) in %d ms%n"
                                + "all sent after:       %.1f s  (%.0f reminders/s)%n"
                                + "delivery rows:        %d (sent %d, failed %d)%n"
                                + "mails received:       %d, distinct Message-IDs %d -> duplicated %d, lost %d%n"
                                + "statements attached:  %s%n%n",
                        reminders,
                        pharmacies,
                        published.toMillis(),
                        elapsed.toMillis() / 1000.0,
                        reminders / (elapsed.toMillis() / 1000.0),
                        rows,
                        sent,
                        failed,
                        mails,
                        messageIds.size(),
                        mails - messageIds.size(),
                        reminders - messageIds.size(),
                        statements
                                ? "yes; a readable statement PDF in the first mail of " + withStatement[0] + " of "
                                        + pharmacies + " mailboxes"
                                : "no");
                assertThat(sent).isEqualTo(reminders);
                assertThat(mails).isEqualTo(reminders);
                assertThat(messageIds).hasSize(reminders);
                assertThat(elapsed).isLessThan(limit);
                if (statements) {
                    assertThat(withStatement[0]).isEqualTo(pharmacies);
                }
            }
        } finally {
            service.destroy();
            greenMail.destroy();
        }
    }

    private void publish(KafkaBroker kafka, long firstPharmacy) throws Exception {
        Properties p = kafka.clientProperties();
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        p.put("linger.ms", "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < reminders; i++) {
                long pharmacy = firstPharmacy + i % pharmacies;
                ReminderRequested r = new ReminderRequested(
                        UUID.randomUUID().toString(),
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
    }

    private int readMailboxes(int imapPort, long firstPharmacy, Set<String> messageIds, int[] withStatement)
            throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(imapPort));
        int total = 0;
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
            total += messages.length;
            inbox.close(false);
            store.close();
        }
        return total;
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
                try (java.io.InputStream in = part.getInputStream();
                        org.apache.pdfbox.pdmodel.PDDocument pdf =
                                org.apache.pdfbox.Loader.loadPDF(in.readAllBytes())) {
                    String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
                    return text.contains("Statement of account") || text.contains("Rekeningstaat");
                }
            }
        }
        return false;
    }

    private static void configure(String base, long pharmacy) throws Exception {
        String body =
                "{\"email_provider\":\"smtp\",\"from_email\":\"accounts@bench.example\",\"from_name\":\"Bench Pharmacy\","
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
