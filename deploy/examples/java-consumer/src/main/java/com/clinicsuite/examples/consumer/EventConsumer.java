package com.clinicsuite.examples.consumer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An outside system's consumer of the suite's events: reads the given topics and checks every record against
 * the JSON Schema its {@code ce_dataschema} header names, printing one line per event (type, id, position;
 * never the data, which may hold personal data) and a summary.
 *
 * <pre>
 * java -jar example-event-consumer.jar --config client.properties --topics debtors.report-status,credit.balances
 *     [--group NAME] [--bootstrap HOST:PORT] [--until-idle 10s] [--expect-types TYPE,...]
 * </pre>
 *
 * Exit code: 0 when every event was accepted (and every expected type seen), 1 when one was rejected or an
 * expected type never came, 2 on wrong usage. Without {@code --until-idle} it runs until stopped (Ctrl-C).
 */
public final class EventConsumer {

    private static final Duration POLL = Duration.ofMillis(500);
    /** How long to wait for the group to hand out partitions before giving up. */
    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(60);

    private EventConsumer() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the consumer with the command line's arguments; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("event-consumer: " + e.getMessage());
            err.println(Options.USAGE);
            return 2;
        }
        SchemaCache schemas = new SchemaCache();
        EventValidator validator = new EventValidator(schemas);
        Set<String> acceptedTypes = new LinkedHashSet<>();
        int accepted = 0;
        int rejected = 0;
        AtomicBoolean assigned = new AtomicBoolean();
        CountDownLatch summarised = new CountDownLatch(1);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(options.kafka())) {
            // Ctrl-C: wake the poll up and let this thread print the summary before the JVM ends
            Thread stopper = new Thread(
                    () -> {
                        consumer.wakeup();
                        try {
                            summarised.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "event-consumer-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            consumer.subscribe(options.topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned.set(true);
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
            });
            long started = System.nanoTime();
            long lastActivity = System.nanoTime();
            try {
                while (true) {
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                        lastActivity = System.nanoTime();
                        EventValidator.Verdict verdict = validator.check(record);
                        String where = record.topic() + "/" + record.partition() + "@" + record.offset();
                        if (verdict.accepted()) {
                            accepted++;
                            acceptedTypes.add(verdict.type());
                            out.printf("accepted  %s %s id=%s%n", where, verdict.type(), verdict.id());
                        } else {
                            rejected++;
                            out.printf(
                                    "REJECTED  %s %s id=%s: %s%n",
                                    where, verdict.type(), verdict.id(), String.join("; ", verdict.problems()));
                        }
                    }
                    if (!assigned.get()) {
                        lastActivity = System.nanoTime(); // idleness counts from the assignment on
                        if (System.nanoTime() - started > ASSIGNMENT_TIMEOUT.toNanos()) {
                            err.println("event-consumer: no partitions assigned within " + ASSIGNMENT_TIMEOUT
                                    + " (broker reachable? topics exist? ACLs?)");
                            return 1;
                        }
                    } else if (options.untilIdle != null
                            && System.nanoTime() - lastActivity > options.untilIdle.toNanos()) {
                        break;
                    }
                }
            } catch (WakeupException stopped) {
                // Ctrl-C: print the summary and leave
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already stopping: the hook is waiting for this thread
                }
            }
        }
        List<String> missing = new ArrayList<>(options.expectTypes);
        missing.removeAll(acceptedTypes);
        out.printf(
                "event-consumer: %d accepted, %d rejected, %d schema fetches%n", accepted, rejected, schemas.fetches());
        for (String type : missing) {
            out.printf("event-consumer: no accepted %s event%n", type);
        }
        out.flush();
        summarised.countDown();
        return rejected == 0 && missing.isEmpty() ? 0 : 1;
    }

    /** The command line. */
    private record Options(
            Properties config, List<String> topics, String group, Duration untilIdle, List<String> expectTypes) {

        static final String USAGE = "usage: event-consumer [--config client.properties] [--bootstrap HOST:PORT]"
                + " --topics T1,T2 [--group NAME] [--until-idle 10s] [--expect-types TYPE,...]";

        static Options parse(String[] args) {
            Properties config = new Properties();
            List<String> topics = List.of();
            String group = null;
            Duration untilIdle = null;
            List<String> expectTypes = List.of();
            String bootstrap = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--config" -> config = load(Path.of(value));
                    case "--bootstrap" -> bootstrap = value;
                    case "--topics" -> topics = list(value);
                    case "--group" -> group = value;
                    case "--until-idle" -> untilIdle = duration(value);
                    case "--expect-types" -> expectTypes = list(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (bootstrap != null) {
                config.setProperty("bootstrap.servers", bootstrap);
            }
            if (config.getProperty("bootstrap.servers") == null) {
                throw new IllegalArgumentException("no broker: --bootstrap, or bootstrap.servers in --config");
            }
            if (topics.isEmpty()) {
                throw new IllegalArgumentException("no topics: --topics");
            }
            return new Options(config, topics, group, untilIdle, expectTypes);
        }

        /** The Kafka consumer's settings: the file's, then what the command line and this program fix. */
        Properties kafka() {
            Properties p = new Properties();
            p.putAll(config);
            // An outside system's groups must start with its KafkaUser's name and a dot (its ACL is a prefix);
            // without a group, a throw-away one under the example's own prefix.
            p.setProperty(
                    "group.id",
                    group != null ? group : config.getProperty("group.id", "example-consumer." + UUID.randomUUID()));
            p.putIfAbsent("auto.offset.reset", "earliest");
            p.setProperty("key.deserializer", StringDeserializer.class.getName());
            p.setProperty("value.deserializer", StringDeserializer.class.getName());
            return p;
        }

        private static Properties load(Path file) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
            }
            return p;
        }

        private static List<String> list(String value) {
            return Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }

        /** "10s", "500ms", "2m" or ISO-8601 ("PT10S"). */
        private static Duration duration(String value) {
            Map<String, Duration> units =
                    Map.of("ms", Duration.ofMillis(1), "s", Duration.ofSeconds(1), "m", Duration.ofMinutes(1));
            for (String unit : List.of("ms", "s", "m")) {
                if (value.endsWith(unit)
                        && value.substring(0, value.length() - unit.length()).matches("[0-9]+")) {
                    return units.get(unit)
                            .multipliedBy(Long.parseLong(value.substring(0, value.length() - unit.length())));
                }
            }
            try {
                return Duration.parse(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a duration: " + value + " (e.g. 10s, 500ms, 2m)");
            }
        }
    }
}
