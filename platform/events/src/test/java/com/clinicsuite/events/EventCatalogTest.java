package com.clinicsuite.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.events.auth.GrantsChanged;
import com.clinicsuite.events.auth.PharmacyUpserted;
import com.clinicsuite.events.auth.UserDeactivated;
import com.clinicsuite.events.credit.CreditBalanceChanged;
import com.clinicsuite.events.credit.CreditImportResult;
import com.clinicsuite.events.credit.VoucherSearched;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.events.imports.CreditImportAborted;
import com.clinicsuite.events.imports.CreditRowsChunk;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.events.notifications.ChannelConfigured;
import com.clinicsuite.events.notifications.DeliveryStatusChanged;
import com.clinicsuite.events.notifications.OptOutRecorded;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the Java records, the JSON Schemas and the AsyncAPI document describing the same events. */
class EventCatalogTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant NOW = Instant.parse("2025-01-15T10:30:00Z");
    private static final BigDecimal AMOUNT = new BigDecimal("1234.50");

    /** One realistic instance per event type; a new event type without a sample fails the test. */
    private static final Map<String, Object> SAMPLES = Map.ofEntries(
            Map.entry("auth.pharmacy-upserted.v1", new PharmacyUpserted(2, "Winterton Pharmacy", "WIN", true)),
            Map.entry("auth.user-deactivated.v1", new UserDeactivated(7, "thandi", NOW)),
            Map.entry(
                    "auth.grants-changed.v1",
                    new GrantsChanged(7, "thandi", List.of(new GrantsChanged.Grant(2, true, false)), NOW)),
            Map.entry("credit.balance-created.v1", creditBalance()),
            Map.entry("credit.balance-updated.v1", creditBalance()),
            Map.entry("credit.balance-deleted.v1", creditBalance()),
            Map.entry("credit.voucher-searched.v1", new VoucherSearched("PBAD05349", "frontdesk", 1, NOW)),
            Map.entry(
                    "credit.import-result.v1",
                    new CreditImportResult(
                            "imp-1",
                            "completed",
                            10,
                            8,
                            2,
                            0,
                            List.of(new CreditImportResult.RowError(5, "Email ID's", "not an e-mail address")),
                            null)),
            Map.entry(
                    "imports.credit-rows-chunk.v1",
                    new CreditRowsChunk(
                            "imp-1",
                            "replace",
                            "admin",
                            0,
                            1,
                            1,
                            List.of(new CreditRowsChunk.Row(
                                    19,
                                    "Credit Balance",
                                    "AD03C4403",
                                    "Aditi Malhotra",
                                    "7985349490",
                                    "aditi@example.com",
                                    "PRP Hair Restoration",
                                    "Punjabi Bagh",
                                    null,
                                    AMOUNT,
                                    AMOUNT,
                                    BigDecimal.ZERO.setScale(2),
                                    BigDecimal.ZERO.setScale(2),
                                    12,
                                    11,
                                    1)))),
            Map.entry(
                    "imports.credit-import-aborted.v1",
                    new CreditImportAborted("imp-1", "The file has more than 200000 data rows")),
            Map.entry(
                    "imports.debtor-report-chunk.v1",
                    new DebtorReportChunk(
                            "rep-1",
                            2,
                            "deb013.pdf",
                            "ab12",
                            "upload",
                            7L,
                            "thandi",
                            NOW,
                            LocalDate.of(2025, 1, 27),
                            1,
                            amounts(),
                            0,
                            1,
                            List.of(new DebtorReportChunk.Account(
                                    "100234",
                                    "DU PLESSIS, J",
                                    amounts(),
                                    "j@example.com",
                                    "0821234567",
                                    List.of("0821234567"),
                                    false,
                                    LocalDate.of(2024, 12, 1),
                                    AMOUNT,
                                    "30",
                                    null)))),
            Map.entry(
                    "debtors.report-processed.v1", new ReportProcessed("rep-1", 2, 11L, "completed", 1, AMOUNT, null)),
            Map.entry(
                    "debtors.reminder-requested.v1",
                    new ReminderRequested(
                            "rem-1",
                            2,
                            11,
                            "100234",
                            "email",
                            "j@example.com",
                            "DU PLESSIS, J",
                            AMOUNT,
                            Map.of("d60", AMOUNT),
                            "thandi",
                            NOW)),
            Map.entry(
                    "notifications.delivery-status-changed.v1",
                    new DeliveryStatusChanged(
                            "rem-1", 2, "100234", "email", "sent", "smtp", "<abc@x>", "Your account", null, null, NOW)),
            Map.entry("notifications.channel-configured.v1", new ChannelConfigured(2, true, false)),
            Map.entry("notifications.opt-out-recorded.v1", new OptOutRecorded(2, "sms", "0821234567", true, NOW)));

    @Test
    void everyTypeNameFollowsTheConventionAndIsUnique() {
        Set<String> seen = new HashSet<>();
        for (EventType<?> type : EventCatalog.ALL) {
            assertThat(type.type()).matches("[a-z]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(seen.add(type.type())).as("duplicate " + type.type()).isTrue();
        }
    }

    @Test
    void everyTopicCarriesOneLaneAndVoucherSearchesAreAudit() {
        // the relay keeps order per key within a lane only: a topic's events must not be split across lanes
        Map<String, Set<Lane>> lanesByTopic = EventCatalog.ALL.stream()
                .collect(Collectors.groupingBy(
                        EventType::topic, Collectors.mapping(EventType::lane, Collectors.toSet())));
        lanesByTopic.forEach((topic, lanes) -> assertThat(lanes).as(topic).hasSize(1));
        assertThat(EventCatalog.VOUCHER_SEARCHED.lane()).isEqualTo(Lane.AUDIT);
        assertThat(EventCatalog.REPORT_PROCESSED.lane()).isEqualTo(Lane.BUSINESS);
    }

    @Test
    void everySampleValidatesAgainstItsSchemaAndTheSchemaNamesEveryField() throws Exception {
        assertThat(SAMPLES.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        EventCatalog.ALL.stream().map(EventType::type).toList());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (EventType<?> type : EventCatalog.ALL) {
            JsonSchema schema;
            JsonNode schemaNode;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(type.schemaResource())) {
                assertThat(in).as("schema of " + type.type()).isNotNull();
                schemaNode = JSON.readTree(in);
                schema = factory.getSchema(schemaNode);
            }
            JsonNode sample = JSON.valueToTree(SAMPLES.get(type.type()));
            Set<ValidationMessage> errors = schema.validate(sample);
            assertThat(errors).as(type.type()).isEmpty();
            // every field the record writes is declared by the schema, and the reverse
            Set<String> declared = new HashSet<>();
            schemaNode.get("properties").fieldNames().forEachRemaining(declared::add);
            Set<String> written = new HashSet<>();
            sample.fieldNames().forEachRemaining(written::add);
            assertThat(written).as(type.type()).isEqualTo(declared);
            // and the data reads back into the record unchanged
            assertThat(JSON.treeToValue(sample, type.dataClass())).isEqualTo(SAMPLES.get(type.type()));
        }
    }

    @Test
    void schemaRejectsAFloatAmount() throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream(EventCatalog.REPORT_PROCESSED.schemaResource())) {
            JsonSchema schema = factory.getSchema(in);
            JsonNode bad = JSON.readTree("""
                    {"report_id":"r","pharmacy_id":1,"debtor_report_id":null,"status":"completed",
                     "total_accounts":1,"total_outstanding":12.5,"error":null}""");
            assertThat(schema.validate(bad)).isNotEmpty();
        }
    }

    @Test
    void asyncApiDescribesEveryTopicAndEveryEvent() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("com/clinicsuite/events/asyncapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertThat(doc.get("asyncapi").asText()).isEqualTo("3.0.0");
        Set<String> addresses = new HashSet<>();
        Map<String, Set<String>> messagesByAddress = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("channels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> channel = it.next();
            String address = channel.getValue().get("address").asText();
            addresses.add(address);
            Set<String> names = new HashSet<>();
            channel.getValue().get("messages").fields().forEachRemaining(m -> {
                String ref = m.getValue().get("$ref").asText();
                String id = ref.substring(ref.lastIndexOf('/') + 1);
                names.add(doc.get("components")
                        .get("messages")
                        .get(id)
                        .get("name")
                        .asText());
            });
            messagesByAddress.put(address, names);
        }
        assertThat(addresses)
                .isEqualTo(EventCatalog.ALL.stream().map(EventType::topic).collect(Collectors.toSet()));
        for (EventType<?> type : EventCatalog.ALL) {
            assertThat(messagesByAddress.get(type.topic())).as(type.type()).contains(type.type());
            JsonNode message = doc.get("components")
                    .get("messages")
                    .get(type.type().replace('.', '_').replace('-', '_'));
            assertThat(message.get("payload").get("$ref").asText()).isEqualTo("schemas/" + type.type() + ".json");
        }
    }

    private static CreditBalanceChanged creditBalance() {
        return new CreditBalanceChanged(
                1,
                "AD03C4403",
                "PRP Hair Restoration",
                "Punjabi Bagh",
                AMOUNT,
                AMOUNT,
                BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2),
                12,
                11,
                1,
                "PBAD05349",
                "admin");
    }

    private static DebtorReportChunk.Amounts amounts() {
        return new DebtorReportChunk.Amounts(
                AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, AMOUNT, new BigDecimal("8641.50"));
    }
}
