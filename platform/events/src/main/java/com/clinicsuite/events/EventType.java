package com.clinicsuite.events;

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

    /** Classpath location of the JSON Schema of this event's data. */
    public String schemaResource() {
        return "com/clinicsuite/events/schemas/" + type + ".json";
    }
}
