package com.clinicsuite.outbox;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.EventType;
import java.net.URI;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CloudEvents {@code dataschema} the relay sets on an event: its JSON Schema's URL under
 * {@code events.schema-base-url} (env {@code EVENTS_SCHEMA_BASE_URL}; default: the local stack's gateway), where
 * auth-service serves the catalogue's schemas. Static, so the relay needs one call and no new collaborator; the
 * base URL is read once per configuration (an application restarted with another configuration reads it again).
 */
final class DataSchemas {

    private record Base(Config config, URI url) {}

    private static volatile Base base;

    private DataSchemas() {}

    /** The schema URL of {@code eventType}, or null for a type outside the catalogue (a test's own events). */
    static URI of(String eventType) {
        return EventCatalog.byType(eventType)
                .map(type -> type.dataSchema(baseUrl()))
                .orElse(null);
    }

    private static URI baseUrl() {
        Config config = ConfigProvider.getConfig();
        Base current = base;
        if (current == null || current.config() != config) {
            URI url = config.getOptionalValue(EventCatalog.SCHEMA_BASE_URL_PROPERTY, URI.class)
                    .orElse(EventType.LOCAL_SCHEMA_BASE_URL);
            current = new Base(config, url);
            base = current;
        }
        return current.url();
    }
}
