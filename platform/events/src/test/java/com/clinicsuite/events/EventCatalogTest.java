package com.clinicsuite.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.events.auth.GrantsChanged;
import com.clinicsuite.events.auth.PharmacyUpserted;
import com.clinicsuite.events.auth.UserAccessChanged;
import com.clinicsuite.events.auth.UserDeactivated;
import com.clinicsuite.events.credit.CreditBalanceChanged;
import com.clinicsuite.events.credit.CreditImportResult;
import com.clinicsuite.events.credit.VoucherSearchesLogged;
import com.clinicsuite.events.debtors.ContactPreferencesChanged;
import com.clinicsuite.events.debtors.PromiseToPayChanged;
import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.events.debtors.ReportMovement;
import com.clinicsuite.events.debtors.ReportProcessed;
import com.clinicsuite.events.imports.CreditImportAborted;
import com.clinicsuite.events.imports.CreditRowsChunk;
import com.clinicsuite.events.imports.DebtorReportChunk;
import com.clinicsuite.events.notifications.ChannelConfigured;
import com.clinicsuite.events.notifications.DeliveryStatusChanged;
import com.clinicsuite.events.notifications.OptOutRecorded;
import com.clinicsuite.vocabulary.DeliveryStatus;
import com.clinicsuite.vocabulary.ImportMode;
import com.clinicsuite.vocabulary.ImportStatus;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.vocabulary.ReportSource;
import com.clinicsuite.vocabulary.ReportStatus;
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
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
            Map.entry(
                    "auth.user-access-changed.v1",
                    new UserAccessChanged(
                            7, Instant.parse("2025-01-15T10:30:00.123Z"), List.of(UserAccessChanged.GRANTS))),
            Map.entry("credit.balance-created.v1", creditBalance()),
            Map.entry("credit.balance-updated.v1", creditBalance()),
            Map.entry("credit.balance-deleted.v1", creditBalance()),
            Map.entry(
                    "credit.voucher-searches-logged.v1",
                    new VoucherSearchesLogged(List.of(
                            new VoucherSearchesLogged.Search("frontdesk", "PBAD05349", 1, NOW),
                            new VoucherSearchesLogged.Search("frontdesk", "GKXYZ1234", 0, NOW.plusMillis(5))))),
            Map.entry(
                    "credit.import-result.v1",
                    new CreditImportResult(
                            "imp-1",
                            ImportStatus.COMPLETED,
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
                            ImportMode.REPLACE,
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
                            ReportSource.UPLOAD,
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
                    "debtors.report-processed.v1",
                    new ReportProcessed(
                            "rep-1",
                            2,
                            11L,
                            ReportStatus.FAILED,
                            0,
                            new BigDecimal("0.00"),
                            "Not applied: the pharmacy's debtors already come from a newer report",
                            "rep-0")),
            Map.entry(
                    "debtors.reminder-requested.v1",
                    new ReminderRequested(
                            "rem-1",
                            2,
                            11,
                            "100234",
                            ReminderChannel.EMAIL,
                            "j@example.com",
                            "DU PLESSIS, J",
                            AMOUNT,
                            Map.of("d60", AMOUNT),
                            "thandi",
                            NOW,
                            "af",
                            new ReminderRequested.StatementOfAccount(
                                    LocalDate.of(2025, 1, 27),
                                    "af",
                                    "j@example.com",
                                    "0821234567",
                                    BigDecimal.ZERO.setScale(2),
                                    BigDecimal.ZERO.setScale(2),
                                    AMOUNT,
                                    BigDecimal.ZERO.setScale(2),
                                    BigDecimal.ZERO.setScale(2),
                                    BigDecimal.ZERO.setScale(2),
                                    BigDecimal.ZERO.setScale(2),
                                    AMOUNT))),
            Map.entry(
                    "debtors.report-movement.v1",
                    new ReportMovement(
                            2,
                            10L,
                            11L,
                            LocalDate.of(2025, 1, 27),
                            LocalDate.of(2025, 2, 24),
                            new ReportMovement.Summary(
                                    new ReportMovement.CountAndBalance(3, AMOUNT),
                                    new ReportMovement.CountAndBalance(2, new BigDecimal("300.00")),
                                    new ReportMovement.CountAndAmount(40, new BigDecimal("5210.75")),
                                    new ReportMovement.CountAndAmount(12, new BigDecimal("880.10")),
                                    new ReportMovement.CountAndAmount(25, new BigDecimal("10400.00")),
                                    new ReportMovement.Count(118),
                                    new BigDecimal("152340.55"),
                                    new BigDecimal("148124.40")),
                            NOW)),
            Map.entry(
                    "debtors.promise-to-pay-changed.v1",
                    new PromiseToPayChanged(5, 2, "100234", AMOUNT, LocalDate.of(2025, 2, 10), "kept", 11L, null, NOW)),
            Map.entry(
                    "debtors.contact-preferences-changed.v1",
                    new ContactPreferencesChanged(2, "100234", true, "af", "thandi", NOW)),
            Map.entry(
                    "notifications.delivery-status-changed.v1",
                    new DeliveryStatusChanged(
                            "rem-1",
                            2,
                            "100234",
                            ReminderChannel.EMAIL,
                            DeliveryStatus.SENT,
                            "smtp",
                            "<abc@x>",
                            "Your account",
                            null,
                            null,
                            NOW)),
            Map.entry(
                    "notifications.channel-configured.v1",
                    new ChannelConfigured(
                            2,
                            true,
                            false,
                            "af",
                            new ChannelConfigured.Letterhead(
                                    "Winterton Pharmacy", "036 488 1234", "FNB 62000000000 branch 250655"))),
            Map.entry(
                    "notifications.opt-out-recorded.v1",
                    new OptOutRecorded(2, ReminderChannel.SMS, "0821234567", true, NOW)));

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
        assertThat(EventCatalog.VOUCHER_SEARCHES_LOGGED.lane()).isEqualTo(Lane.AUDIT);
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

    /**
     * Fields added within v1 (the reminder's language and statement, the channels' default language and letterhead)
     * are optional both ways.
     */
    @Test
    void eventsPublishedBeforeTheLanguageTheStatementAndTheLetterheadStillValidateAndRead() throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonNode channels = JSON.readTree("{\"pharmacy_id\":2,\"email_configured\":true,\"sms_configured\":false}");
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream(EventCatalog.CHANNEL_CONFIGURED.schemaResource())) {
            assertThat(factory.getSchema(in).validate(channels)).isEmpty();
        }
        assertThat(JSON.treeToValue(channels, ChannelConfigured.class))
                .isEqualTo(new ChannelConfigured(2, true, false));
        JsonNode reminder = JSON.valueToTree(new ReminderRequested(
                "rem-1",
                2,
                11,
                "100234",
                ReminderChannel.SMS,
                "0821234567",
                "J",
                AMOUNT,
                Map.of("d60", AMOUNT),
                null,
                NOW));
        ((com.fasterxml.jackson.databind.node.ObjectNode) reminder).remove(List.of("language", "statement"));
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream(EventCatalog.REMINDER_REQUESTED.schemaResource())) {
            assertThat(factory.getSchema(in).validate(reminder)).isEmpty();
        }
        ReminderRequested read = JSON.treeToValue(reminder, ReminderRequested.class);
        assertThat(read.language()).isNull();
        assertThat(read.statement()).isNull();
    }

    /** {@code superseded_by} (issue 18, within v1) is optional both ways. */
    @Test
    void aReportProcessedWithoutSupersededByStillValidatesAndReads() throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonNode old = JSON.readTree("""
                {"report_id":"r","pharmacy_id":1,"debtor_report_id":3,"status":"completed",
                 "total_accounts":1,"total_outstanding":"12.50","error":null}""");
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream(EventCatalog.REPORT_PROCESSED.schemaResource())) {
            assertThat(factory.getSchema(in).validate(old)).isEmpty();
        }
        assertThat(JSON.treeToValue(old, ReportProcessed.class))
                .isEqualTo(new ReportProcessed("r", 1, 3L, ReportStatus.COMPLETED, 1, new BigDecimal("12.50"), null));
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
    void everyTopicIsEitherPublicOrInternal() throws Exception {
        Set<String> declared = new HashSet<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class
                    && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                declared.add((String) field.get(null));
            }
        }
        assertThat(Set.copyOf(EventCatalog.ALL.stream().map(EventType::topic).toList()))
                .isEqualTo(declared);
        Set<String> both = new HashSet<>(Topics.PUBLIC);
        both.retainAll(Topics.INTERNAL);
        assertThat(both).as("topics classified twice").isEmpty();
        Set<String> either = new HashSet<>(Topics.PUBLIC);
        either.addAll(Topics.INTERNAL);
        assertThat(either)
                .as("a new topic must be added to Topics.PUBLIC or Topics.INTERNAL")
                .isEqualTo(declared);
        // the bulk carriers of personal data never become public, nor dead letters
        assertThat(Topics.INTERNAL)
                .contains(Topics.IMPORTS_CREDIT_ROWS, Topics.IMPORTS_DEBTOR_REPORTS, Topics.DEBTORS_REMINDERS);
        assertThat(Topics.isPublic(Topics.CREDIT_BALANCES + Topics.DEAD_LETTER_SUFFIX))
                .isFalse();
        assertThat(EventCatalog.publicEvents()).allMatch(t -> Topics.PUBLIC.contains(t.topic()));
    }

    @Test
    void theDataSchemaIsTheSchemaFileUnderTheBaseUrl() {
        URI expected = URI.create("https://api.example.org/events/schemas/debtors.report-processed.v1.json");
        assertThat(EventCatalog.REPORT_PROCESSED.dataSchema(URI.create("https://api.example.org/events/schemas/")))
                .isEqualTo(expected);
        assertThat(EventCatalog.REPORT_PROCESSED.dataSchema(URI.create("https://api.example.org/events/schemas")))
                .isEqualTo(expected);
        assertThat(EventCatalog.REPORT_PROCESSED.dataSchema(EventType.LOCAL_SCHEMA_BASE_URL))
                .hasToString("http://localhost:8080/events/schemas/debtors.report-processed.v1.json");
    }

    @Test
    void asyncApiDescribesEveryTopicAndEveryEvent() throws Exception {
        JsonNode doc = asyncApi();
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
            JsonNode message = message(doc, type);
            assertThat(message.get("payload").get("$ref").asText()).isEqualTo("schemas/" + type.schemaFileName());
        }
    }

    @Test
    void asyncApiNamesTheProductionServerAndWhichChannelsItServes() throws Exception {
        JsonNode doc = asyncApi();
        JsonNode production = doc.get("servers").get("production");
        assertThat(production.get("protocol").asText()).isEqualTo("kafka-secure");
        String scheme = production.get("security").get(0).get("$ref").asText();
        assertThat(scheme).startsWith("#/components/securitySchemes/");
        assertThat(doc.get("components")
                        .get("securitySchemes")
                        .get(scheme.substring(scheme.lastIndexOf('/') + 1))
                        .get("type")
                        .asText())
                .isEqualTo("scramSha512");
        assertThat(doc.get("servers").get("local").get("protocol").asText()).isEqualTo("kafka");
        for (Iterator<JsonNode> it = doc.get("channels").elements(); it.hasNext(); ) {
            JsonNode channel = it.next();
            String topic = channel.get("address").asText();
            boolean isPublic = Topics.isPublic(topic);
            Set<String> tags = new HashSet<>();
            channel.get("tags").forEach(t -> tags.add(t.get("name").asText()));
            assertThat(tags).as(topic).containsExactly(isPublic ? "public" : "internal");
            Set<String> servers = new HashSet<>();
            channel.get("servers").forEach(r -> servers.add(r.get("$ref").asText()));
            assertThat(servers)
                    .as(topic + ": outside consumers reach only public topics on the production server")
                    .isEqualTo(
                            isPublic ? Set.of("#/servers/local", "#/servers/production") : Set.of("#/servers/local"));
        }
    }

    @Test
    void asyncApiDocumentsTheDataSchemaOfEveryMessage() throws Exception {
        JsonNode doc = asyncApi();
        URI production = URI.create("https://api.clinicsuite.example/events/schemas/");
        for (EventType<?> type : EventCatalog.ALL) {
            JsonNode headers = message(doc, type).get("headers");
            JsonNode dataSchema = headers.get("properties").get("ce_dataschema");
            assertThat(dataSchema).as(type.type()).isNotNull();
            assertThat(dataSchema.get("format").asText()).isEqualTo("uri");
            Pattern pattern = Pattern.compile(dataSchema.get("pattern").asText());
            assertThat(pattern.matcher(type.dataSchema(production).toString()).find())
                    .as(type.type())
                    .isTrue();
            assertThat(pattern.matcher(type.dataSchema(EventType.LOCAL_SCHEMA_BASE_URL)
                                    .toString())
                            .find())
                    .isTrue();
            // the pattern names this event's schema only (dots escaped), not another event's
            assertThat(pattern.matcher(production
                                    .resolve(type.type().replace('.', 'x') + ".json")
                                    .toString())
                            .find())
                    .isFalse();
            assertThat(dataSchema.get("examples").get(0).asText())
                    .isEqualTo(type.dataSchema(production).toString());
            Set<String> required = new HashSet<>();
            headers.get("required").forEach(r -> required.add(r.asText()));
            assertThat(required).contains("ce_dataschema", "ce_type", "ce_id");
        }
    }

    private JsonNode asyncApi() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("com/clinicsuite/events/asyncapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static JsonNode message(JsonNode doc, EventType<?> type) {
        return doc.get("components")
                .get("messages")
                .get(type.type().replace('.', '_').replace('-', '_'));
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
