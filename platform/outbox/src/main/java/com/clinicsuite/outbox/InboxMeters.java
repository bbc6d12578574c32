package com.clinicsuite.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers every consumer's inbox meters at 0 when the service starts, instead of at its first event or first
 * failure: a counter that appears with its first dead letter is invisible to {@code increase(...[15m]) > 0} (the
 * first sample of a series is its baseline), so the alert on dead letters would miss the first one, and a panel
 * would show nothing rather than 0. The consumers are the service's incoming channels, named
 * {@code <quarkus.application.name>.<channel>} as every {@code inbox.process} call in the suite names them;
 * channels that do not go through the Inbox are listed in {@code inbox.channels-without-inbox}.
 */
@ApplicationScoped
public class InboxMeters {

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.[a-z.\\-]+");

    private final MeterRegistry registry;
    private final InboxRetries retries;
    private final Config config;
    private final String application;
    private final Set<String> withoutInbox;

    public InboxMeters(
            MeterRegistry registry,
            InboxRetries retries,
            Config config,
            @ConfigProperty(name = "quarkus.application.name") String application,
            InboxConfig inbox) {
        this.registry = registry;
        this.retries = retries;
        this.config = config;
        this.application = application;
        this.withoutInbox = Set.copyOf(inbox.channelsWithoutInbox().orElse(List.of()));
    }

    void registerAtStart(@Observes StartupEvent event) {
        consumers().forEach(this::register);
    }

    /** The consumer names of the enabled incoming channels. */
    Set<String> consumers() {
        Set<String> consumers = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher incoming = INCOMING.matcher(name);
            if (!incoming.matches()) {
                continue;
            }
            String channel = incoming.group(1);
            boolean enabled = config.getOptionalValue("mp.messaging.incoming." + channel + ".enabled", Boolean.class)
                    .orElse(true);
            if (enabled && !withoutInbox.contains(channel)) {
                consumers.add(application + "." + channel);
            }
        }
        return consumers;
    }

    /** The meters {@link Inbox} and {@link InboxRetries} count in for this consumer, at 0. */
    void register(String consumer) {
        for (String counter : List.of("inbox.processed", "inbox.duplicates", "inbox.dead_lettered")) {
            registry.counter(counter, "consumer", consumer);
        }
        retries.consumerSeen(consumer);
    }
}
