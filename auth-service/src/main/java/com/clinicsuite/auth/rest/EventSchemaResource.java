package com.clinicsuite.auth.rest;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.EventType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The event catalogue for systems outside the suite: each event's JSON Schema (the CloudEvents {@code dataschema}
 * the outbox relay sets points here) and the AsyncAPI document, read from the platform-events jar. Public like
 * the JWKS: a consumer outside the suite has no token. auth-service serves them because it already serves the
 * suite's other public document and runs in every environment; docs/events.md "Schemas served".
 */
@Path("/events")
public class EventSchemaResource {

    private static final String SCHEMA_TYPE = "application/schema+json";
    private static final String YAML_TYPE = "application/yaml";
    /** A schema changes only by gaining optional fields within its version; the ETag answers re-validations. */
    private static final String CACHE_CONTROL = "public, max-age=3600";

    private record Document(byte[] bytes, EntityTag etag) {}

    private final Map<String, Document> schemasByFileName;
    private final Document asyncApi;

    public EventSchemaResource() {
        schemasByFileName = EventCatalog.ALL.stream()
                .collect(Collectors.toUnmodifiableMap(EventType::schemaFileName, t -> load(t.schemaResource())));
        asyncApi = load("com/clinicsuite/events/asyncapi.yaml");
    }

    @GET
    @Path("/schemas/{file}")
    @Operation(summary = "JSON Schema of one event type's data (its CloudEvents dataschema)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = SCHEMA_TYPE))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "no event type of that name")
    public Response schema(@PathParam("file") String file, @Context Request request) {
        Document schema = schemasByFileName.get(file);
        if (schema == null) {
            throw new NotFoundException(
                    "No such event schema: the event types are listed in /events/asyncapi.yaml, each schema at /events/schemas/<type>.json");
        }
        return answer(schema, SCHEMA_TYPE, request);
    }

    @GET
    @Path("/asyncapi.yaml")
    @Operation(summary = "AsyncAPI 3.0 document of every event the suite publishes")
    @APIResponse(responseCode = "200", content = @Content(mediaType = YAML_TYPE))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent in If-None-Match")
    public Response asyncApi(@Context Request request) {
        return answer(asyncApi, YAML_TYPE, request);
    }

    private static Response answer(Document document, String mediaType, Request request) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(document.etag());
        Response.ResponseBuilder builder = notModified != null ? notModified : Response.ok(document.bytes(), mediaType);
        return builder.tag(document.etag())
                .header("Cache-Control", CACHE_CONTROL)
                .build();
    }

    private static Document load(String resource) {
        try (InputStream in = EventCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("platform-events lacks " + resource);
            }
            byte[] bytes = in.readAllBytes();
            String digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 32);
            return new Document(bytes, new EntityTag(digest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
