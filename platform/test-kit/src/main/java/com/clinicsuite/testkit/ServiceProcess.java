package com.clinicsuite.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Another service of the suite, the real one, for a test that needs it: its fast-jar
 * ({@code <service>/target/quarkus-app/quarkus-run.jar}, built by the reactor before the module that uses it, through
 * a build-order dependency in that module's pom) run as a child JVM against this JVM's test infrastructure: a
 * database of its own in the test PostgreSQL, the test Kafka broker, GreenMail, and the test kit's JWT key, so a
 * {@link TestTokens} token opens it exactly as it opens the service under test.
 *
 * <p>Its port is reserved when {@link SuiteInfrastructure} starts, which hands the address to the service under test
 * as {@code testkit.services.<service>.url} (before the process exists: configure a REST client with it). Nothing
 * listens there until a test calls {@link #start}; it is started at most once per test JVM (again after
 * {@link #stop}), shares the JVM's lifetime, and a JVM that dies abruptly never leaves it behind (the same guard as
 * the Kafka broker's). Its log: {@link #log()}.
 */
public final class ServiceProcess {

    /** The suite's services a test may start. */
    public static final List<String> SERVICES = List.of(
            "auth-service", "credit-balance-service", "debtor-service", "import-service", "notification-service");

    private static final Map<String, ServiceProcess> PROCESSES = new TreeMap<>();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final String service;
    private final int port;
    private Path dir;
    private String database;
    private Map<String, String> config;
    private ChildJvm jvm;

    private ServiceProcess(String service) {
        this.service = service;
        this.port = FreePorts.next();
    }

    /** The one process of {@code service} in this JVM (not started: {@link #start}). */
    public static synchronized ServiceProcess of(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("Unknown service " + service + "; one of " + SERVICES);
        }
        return PROCESSES.computeIfAbsent(service, ServiceProcess::new);
    }

    /** {@code testkit.services.<service>.url} for every service: what {@link SuiteInfrastructure} hands over. */
    static Map<String, String> reservedUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        SERVICES.forEach(s -> urls.put("testkit.services." + s + ".url", of(s).url()));
        return urls;
    }

    public String service() {
        return service;
    }

    /** {@code http://127.0.0.1:<port>}, reserved for this JVM whether or not the process runs. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Starts the service with the test infrastructure's settings plus {@code settings} (configuration properties,
     * e.g. {@code quarkus.rest-client.debtor-service.url}), and waits until {@code /q/health/ready} answers 200. A
     * second call with the same settings returns at once; with other settings it fails (the process is shared by
     * the module's tests, which must agree on it).
     */
    public synchronized ServiceProcess start(Map<String, String> settings) {
        Map<String, String> wanted = new TreeMap<>(settings);
        if (config != null && !config.equals(wanted)) {
            throw new IllegalStateException(service + " was started with other settings " + config.keySet()
                    + "; the tests of a module must start it the same way");
        }
        if (jvm != null && jvm.isAlive()) {
            return this;
        }
        Path jar = jar();
        if (dir == null) {
            dir = TestDirs.create(service);
            database = PostgresServer.get().createDatabase();
        }
        config = wanted;
        jvm = new ChildJvm(command(jar), log());
        jvm.start();
        awaitReady();
        return this;
    }

    /** Stops the process (a test of what happens when the service is away); {@link #start} brings it back. */
    public synchronized void stop() {
        if (jvm != null) {
            jvm.stop();
            jvm = null;
        }
    }

    public synchronized boolean isRunning() {
        return jvm != null && jvm.isAlive();
    }

    /** The process's console output (under the module's {@code target/test-infra}). */
    public Path log() {
        if (dir == null) {
            throw new IllegalStateException(service + " has not been started");
        }
        return dir.resolve(service + ".log");
    }

    private Path jar() {
        Path jar = EndpointTable.repositoryRoot()
                .resolve(service)
                .resolve("target")
                .resolve("quarkus-app")
                .resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build " + service + " first (./mvnw -pl " + service
                    + " -am package -DskipTests; a reactor build does it before the module that starts it)");
        }
        return jar;
    }

    private List<String> command(Path jar) {
        PostgresServer postgres = PostgresServer.get();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        properties.put("quarkus.datasource.username", "postgres");
        properties.put("quarkus.datasource.password", "postgres");
        properties.put("kafka.bootstrap.servers", KafkaBroker.get().bootstrapServers());
        properties.put("quarkus.mailer.host", "127.0.0.1");
        properties.put("quarkus.mailer.port", Integer.toString(MailServer.get().smtpPort()));
        properties.put("quarkus.mailer.mock", "false");
        properties.put("mp.jwt.verify.publickey", TestTokens.publicKeyPem());
        properties.put("mp.jwt.verify.publickey.location", "NONE");
        properties.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        properties.put("mp.jwt.verify.audiences", TestTokens.AUDIENCE);
        properties.put("quarkus.log.console.color", "false");
        properties.putAll(config);

        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        // small and quick to start: a test needs it for a few requests, on a shared machine
        cmd.addAll(List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        return cmd;
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            Awaitility.await(service + " ready at " + url())
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!jvm.isAlive()) {
                            throw new IllegalStateException(service + " exited while starting; its log:\n" + tail());
                        }
                        try {
                            return http.send(ready, HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException notListeningYet) {
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            stop();
            throw new IllegalStateException(
                    service + " was not ready within " + START_TIMEOUT + "; its log:\n" + tail(), e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return service + "@" + url();
    }
}
