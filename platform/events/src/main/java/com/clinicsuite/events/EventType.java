package com.clinicsuite.events;

import java.net.URI;

/**
 * One event of the catalogue: its CloudEvents type ({@code <domain>.<event>.v1}), the topic it travels on,
 * the Java record of its data, the JSON Schema that describes that data for consumers outside the suite, and the
 * outbox {@link Lane} it is relayed in.
 */
public record EventType<T>(String type, String topic, Class<T> dataClass, Lane lane) {

    /** A {@link Lane#BUSINESS} event. */
    public EventType(String type, String topic, Class<T> dataClass) {
        this(type, topic, dataClass, Lane.BUSINESS);
    }

    /**
     * Where the JSON Schemas are served when {@code events.schema-base-url} is not set: the local stack's gateway
     * ({@code ./stack up}, port 8080), which routes {@code /events/} to auth-service.
     */
    public static final URI LOCAL_SCHEMA_BASE_URL = URI.create("http://localhost:8080/events/schemas/");

    /** Classpath location of the JSON Schema of this event's data. */
    public String schemaResource() {
        return "com/clinicsuite/events/schemas/" + schemaFileName();
    }

    /** The schema's file name, also its last path segment wherever the schemas are served. */
    public String schemaFileName() {
        return type + ".json";
    }

    /**
     * The CloudEvents {@code dataschema} of this event: its schema's URL under {@code schemaBaseUrl} (the
     * {@code /events/schemas/} folder of the gateway; a missing trailing slash is added).
     */
    public URI dataSchema(URI schemaBaseUrl) {
        String base = schemaBaseUrl.toString();
        return URI.create(base.endsWith("/") ? base : base + "/").resolve(schemaFileName());
    }

    /** Whether systems outside the suite may read this event's topic ({@link Topics#PUBLIC}). */
    public boolean isPublic() {
        return Topics.isPublic(topic);
    }
}
