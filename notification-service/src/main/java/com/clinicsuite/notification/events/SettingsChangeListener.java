package com.clinicsuite.notification.events;

import com.clinicsuite.notification.service.SettingsService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Drops this instance's cached channel settings of a pharmacy when any instance changed them: every instance reads
 * this service's own {@code notifications.channels} (ChannelConfigured, published with each change) with a consumer
 * group of its own (from the start: nothing is missed while it joins), so a change through replica A reaches replica B's cache within the
 * event's relay time instead of the cache's expiry. No inbox: dropping a cache entry twice changes nothing.
 */
@ApplicationScoped
public class SettingsChangeListener {

    private static final Logger LOG = Logger.getLogger(SettingsChangeListener.class);

    private final SettingsService settings;
    private final ObjectMapper mapper;

    public SettingsChangeListener(SettingsService settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    @Incoming("settings-changes")
    public CompletionStage<Void> onChannelConfigured(Message<String> message) {
        try {
            JsonNode pharmacy = mapper.readTree(message.getPayload()).path("pharmacy_id");
            if (pharmacy.canConvertToLong()) {
                return settings.forget(pharmacy.asLong())
                        .onFailure()
                        .recoverWithNull()
                        .subscribeAsCompletionStage()
                        .thenCompose(ignored -> message.ack());
            }
            LOG.warn("Ignoring a channel-configured event without a pharmacy_id");
        } catch (Exception e) {
            LOG.warnf("Ignoring an unreadable channel-configured event: %s", e.getMessage());
        }
        return message.ack();
    }
}
