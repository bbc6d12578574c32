package com.clinicsuite.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.EventType;
import com.clinicsuite.events.Topics;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The event catalogue as systems outside the suite fetch it: every schema and the AsyncAPI document without a
 * token, cacheable, byte for byte what platform-events holds; and the dataschema of an event the relay sent
 * resolves to the schema that validates it.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class EventSchemaEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "events.schema-base-url")
    URI schemaBaseUrl;

    @Test
    void everySchemaOfTheCatalogueIsServedWithoutATokenAndCacheable() throws Exception {
        for (EventType<?> type : EventCatalog.ALL) {
            Response answer = given().when().get("/events/schemas/" + type.schemaFileName());
            answer.then()
                    .statusCode(200)
                    .contentType(startsWith("application/schema+json"))
                    .header("Cache-Control", containsString("public"))
                    .header("ETag", startsWith("\""));
            assertThat(answer.asByteArray()).as(type.type()).isEqualTo(resource(type.schemaResource()));
            assertThat(JSON.readTree(answer.asByteArray()).get("title").asText())
                    .isEqualTo(type.type());
            // a client that sends what it cached gets 304 without the body
            given().header("If-None-Match", answer.header("ETag"))
                    .when()
                    .get("/events/schemas/" + type.schemaFileName())
                    .then()
                    .statusCode(304)
                    .body(emptyString());
        }
    }

    @Test
    void theAsyncApiDocumentIsServedAndItsPayloadReferencesResolveNextToIt() throws Exception {
        Response answer = given().when().get("/events/asyncapi.yaml");
        answer.then()
                .statusCode(200)
                .contentType(startsWith("application/yaml"))
                .header("Cache-Control", containsString("public"));
        assertThat(answer.asByteArray()).isEqualTo(resource("com/clinicsuite/events/asyncapi.yaml"));
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(answer.asByteArray());
        URI documentUrl = URI.create("/events/asyncapi.yaml");
        int resolved = 0;
        for (JsonNode message : doc.get("components").get("messages")) {
            URI schema = documentUrl.resolve(message.get("payload").get("$ref").asText());
            given().when()
                    .get(schema.toString())
                    .then()
                    .statusCode(200)
                    .body("title", equalTo(message.get("name").asText()));
            resolved++;
        }
        assertThat(resolved).isEqualTo(EventCatalog.ALL.size());
    }

    @Test
    void unknownNamesAndOtherClasspathFilesAreNotFound() {
        for (String name : List.of("no.such-event.v1.json", "debtors.report-processed.v1", "asyncapi.yaml")) {
            given().when()
                    .get("/events/schemas/" + name)
                    .then()
                    .statusCode(404)
                    .contentType(startsWith("application/json"))
                    .body("detail", containsString("/events/schemas/<type>.json"));
        }
        // only the catalogue's files are served, never a path into the classpath
        for (String path :
                List.of("/events/schemas/..%2F..%2F..%2F..%2Fapplication.properties", "/events/schemas/%2E%2E")) {
            given().urlEncodingEnabled(false).when().get(path).then().statusCode(404);
        }
    }

    @Test
    void anEventTheRelaySentNamesItsSchemaWhichValidatesIt() throws Exception {
        long pharmacyId = AuthApi.createPharmacy("Dataschema Pharmacy " + AuthApi.unique("ds"));
        try (TopicReader pharmacies = new TopicReader(Topics.AUTH_PHARMACIES)) {
            List<TopicReader.Record> events =
                    pharmacies.await(1, r -> r.key().equals(Long.toString(pharmacyId)), Duration.ofSeconds(30));
            assertThat(events).hasSize(1);
            TopicReader.Record event = events.get(0);
            URI dataSchema = URI.create(event.ceDataSchema());
            // the configured base URL (the gateway's public one), not wherever this test's server listens
            assertThat(dataSchema).isEqualTo(EventCatalog.PHARMACY_UPSERTED.dataSchema(schemaBaseUrl));
            assertThat(schemaBaseUrl.toString()).isNotEqualTo(EventType.LOCAL_SCHEMA_BASE_URL.toString());

            String schema = given().when()
                    .get(dataSchema.getPath())
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            var validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schema);
            assertThat(validator.validate(JSON.readTree(event.value()))).isEmpty();
            // and the schema is not a rubber stamp: a pharmacy without its id is refused
            assertThat(validator.validate(JSON.readTree("{\"name\":\"x\",\"code\":null,\"active\":true}")))
                    .isNotEmpty();
        }
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = EventCatalog.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
