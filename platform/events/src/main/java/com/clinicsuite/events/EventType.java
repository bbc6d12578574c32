package com.clinicsuite.events;

/**
 * One event of the catalogue: its CloudEvents type ({@code <domain>.<event>.v1}), the topic it travels on,
 * the Java record of its data and the JSON Schema that describes that data for consumers outside the suite.
 */
public record EventType<T>(String type, String topic, Class<T> dataClass) {

    /** Classpath location of the JSON Schema of this event's data. */
    public String schemaResource() {
        return "com/clinicsuite/events/schemas/" + type + ".json";
    }
}
