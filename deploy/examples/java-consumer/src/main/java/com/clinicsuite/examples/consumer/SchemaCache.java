package com.clinicsuite.examples.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON Schemas events name in {@code ce_dataschema}, fetched over HTTP(S) once per URL and kept for the run
 * (a schema changes only by gaining optional fields within its version, so a long-running consumer may keep it).
 * A URL that cannot be fetched is tried again after a minute, not for every event in between.
 */
final class SchemaCache {

    /** A compiled schema, or why there is none. */
    record Entry(JsonSchema schema, String title, String problem, long fetchedAtNanos) {}

    private static final long RETRY_FAILED_AFTER_NANOS = Duration.ofMinutes(1).toNanos();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<URI, Entry> byUrl = new HashMap<>();
    private int fetches;

    Entry get(URI url) {
        Entry entry = byUrl.get(url);
        if (entry == null
                || (entry.problem() != null && System.nanoTime() - entry.fetchedAtNanos() > RETRY_FAILED_AFTER_NANOS)) {
            entry = fetch(url);
            fetches++;
            byUrl.put(url, entry);
        }
        return entry;
    }

    /** How many HTTP fetches the run made (one per schema URL while they succeed). */
    int fetches() {
        return fetches;
    }

    private Entry fetch(URI url) {
        try {
            HttpResponse<byte[]> answer = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(20))
                            .header("Accept", "application/schema+json, application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                return failed("its dataschema " + url + " answered HTTP " + answer.statusCode());
            }
            JsonNode schema = JSON.readTree(answer.body());
            return new Entry(factory.getSchema(schema), schema.path("title").asText(null), null, System.nanoTime());
        } catch (IOException | RuntimeException e) {
            return failed("its dataschema " + url + " could not be read: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted while fetching " + url);
        }
    }

    private static Entry failed(String problem) {
        return new Entry(null, null, problem, System.nanoTime());
    }
}
