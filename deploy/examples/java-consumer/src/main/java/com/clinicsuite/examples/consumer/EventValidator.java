package com.clinicsuite.examples.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Decides whether one Kafka record is a valid event of the suite: a CloudEvents 1.0 envelope in binary mode
 * (the {@code ce_*} headers) whose JSON data validates against the JSON Schema its {@code ce_dataschema} names.
 */
final class EventValidator {

    /** The outcome for one record; {@code problems} is empty when the event is accepted. */
    record Verdict(String type, String id, URI dataSchema, List<String> problems) {
        boolean accepted() {
            return problems.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaCache schemas;

    EventValidator(SchemaCache schemas) {
        this.schemas = schemas;
    }

    Verdict check(ConsumerRecord<String, String> record) {
        List<String> problems = new ArrayList<>();
        String type = header(record, "ce_type");
        String id = header(record, "ce_id");
        if (!"1.0".equals(header(record, "ce_specversion"))) {
            problems.add("ce_specversion is not 1.0");
        }
        for (String name : List.of("ce_id", "ce_type", "ce_source")) {
            if (header(record, name) == null) {
                problems.add("no " + name + " header");
            }
        }
        URI dataSchema = dataSchema(record, problems);
        JsonNode data = data(record, problems);
        if (dataSchema != null && data != null) {
            SchemaCache.Entry schema = schemas.get(dataSchema);
            if (schema.problem() != null) {
                problems.add(schema.problem());
            } else {
                // the suite's schemas are titled with their event type: a dataschema of another type is a mix-up
                if (schema.title() != null && type != null && !schema.title().equals(type)) {
                    problems.add("its dataschema describes " + schema.title() + ", not " + type);
                }
                Set<ValidationMessage> errors = schema.schema().validate(data);
                // the validator's messages name JSON paths and the rule broken rather than the values they saw
                errors.forEach(e -> problems.add(e.getMessage()));
            }
        }
        return new Verdict(type, id, dataSchema, List.copyOf(problems));
    }

    private static URI dataSchema(ConsumerRecord<String, String> record, List<String> problems) {
        String value = header(record, "ce_dataschema");
        if (value == null) {
            problems.add("no ce_dataschema header: the event does not say which schema it follows");
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                problems.add("ce_dataschema is not an http(s) URL: " + value);
                return null;
            }
            return uri;
        } catch (IllegalArgumentException e) {
            problems.add("ce_dataschema is not a URL: " + value);
            return null;
        }
    }

    private static JsonNode data(ConsumerRecord<String, String> record, List<String> problems) {
        String contentType = header(record, "content-type");
        if (contentType != null && !contentType.startsWith("application/json")) {
            problems.add("content-type is " + contentType + ", not application/json");
            return null;
        }
        if (record.value() == null) {
            problems.add("no data");
            return null;
        }
        try {
            return JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            problems.add("the data is not JSON");
            return null;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
