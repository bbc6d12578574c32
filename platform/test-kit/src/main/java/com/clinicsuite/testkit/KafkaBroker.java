package com.clinicsuite.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, broker and controller in one process) in a child JVM, one per test JVM, on random
 * ports with its log under target/. {@link #stop()} and {@link #start()} take it away and bring it back on the
 * same ports and data, for tests of what happens while the broker is down.
 */
public final class KafkaBroker {

    private static KafkaBroker instance;

    private final int port;
    private final ChildJvm jvm;

    private KafkaBroker(Path dir) {
        this.port = FreePorts.next();
        int controllerPort = FreePorts.next();
        Path props = dir.resolve("server.properties");
        Path log4j = dir.resolve("log4j2.properties");
        try {
            Files.writeString(
                    props,
                    String.join(
                                    "\n",
                                    "process.roles=broker,controller",
                                    "node.id=1",
                                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:"
                                            + controllerPort,
                                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                                    "controller.listener.names=CONTROLLER",
                                    "inter.broker.listener.name=PLAINTEXT",
                                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                                    "log.dirs=" + dir.resolve("data"),
                                    "num.partitions=3",
                                    "auto.create.topics.enable=true",
                                    "offsets.topic.replication.factor=1",
                                    "offsets.topic.num.partitions=3",
                                    "transaction.state.log.replication.factor=1",
                                    "transaction.state.log.min.isr=1",
                                    "share.coordinator.state.topic.replication.factor=1",
                                    "share.coordinator.state.topic.min.isr=1",
                                    "group.initial.rebalance.delay.ms=0",
                                    "log.flush.interval.messages=1000000",
                                    "")
                            + "\n");
            Files.writeString(
                    log4j,
                    String.join(
                                    "\n",
                                    "status = error",
                                    "appender.file.type = File",
                                    "appender.file.name = FILE",
                                    "appender.file.fileName = " + dir.resolve("broker.log"),
                                    "appender.file.layout.type = PatternLayout",
                                    "appender.file.layout.pattern = %d %p [%c] %m%n",
                                    "rootLogger.level = WARN",
                                    "rootLogger.appenderRef.file.ref = FILE",
                                    "")
                            + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classpath = "com/clinicsuite/infra/kafka.classpath";
        List<String> jvmArgs =
                List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + log4j);
        Path out = dir.resolve("stdout.log");
        int formatted = new ChildJvm(
                        classpath,
                        jvmArgs,
                        "kafka.tools.StorageTool",
                        List.of("format", "-t", Uuid.randomUuid().toString(), "-c", props.toString()),
                        out)
                .runToEnd(120);
        if (formatted != 0) {
            throw new IllegalStateException("Kafka storage format failed, see " + out);
        }
        this.jvm = new ChildJvm(classpath, jvmArgs, "kafka.Kafka", List.of(props.toString()), out);
    }

    public static synchronized KafkaBroker get() {
        if (instance == null) {
            KafkaBroker broker = new KafkaBroker(TestDirs.create("kafka"));
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-stop"));
            instance = broker;
        }
        return instance;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * How long {@link #start} waits for the broker: {@code -Dtestkit.kafka.start-timeout} (ISO-8601 or seconds), 180 s by
     * default (a cold start on a loaded 2-core machine was seen to take more than 90 s).
     */
    static Duration startTimeout() {
        String configured = System.getProperty("testkit.kafka.start-timeout", "180");
        return configured.startsWith("P") ? Duration.parse(configured) : Duration.ofSeconds(Long.parseLong(configured));
    }

    /** Starts the broker (again) and waits until it answers metadata requests. */
    public void start() {
        jvm.start();
        Duration timeout = startTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("Kafka broker exited during start; see target/test-infra/kafka-*");
            }
            if (FreePorts.isListening(port)) {
                try (Admin admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        3000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        5000))) {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    last = e;
                }
            }
            sleep(200);
        }
        throw new IllegalStateException("Kafka broker not ready within " + timeout.toSeconds() + " s", last);
    }

    /** Stops the broker; its data stays for {@link #start()}. */
    public void stop() {
        jvm.stop();
    }

    public Properties clientProperties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        return p;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
