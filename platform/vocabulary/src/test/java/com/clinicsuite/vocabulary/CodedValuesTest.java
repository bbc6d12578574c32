package com.clinicsuite.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicsuite.vocabulary.persistence.CodedConverter;
import com.clinicsuite.vocabulary.persistence.DeliveryStatusConverter;
import com.clinicsuite.vocabulary.persistence.ImportModeConverter;
import com.clinicsuite.vocabulary.persistence.ImportStatusConverter;
import com.clinicsuite.vocabulary.persistence.ReminderChannelConverter;
import com.clinicsuite.vocabulary.persistence.ReportSourceConverter;
import com.clinicsuite.vocabulary.persistence.ReportStatusConverter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The statuses, modes and channels keep the names events, answers and columns always had, both ways. */
class CodedValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every coded enum with its codes in declaration order: the names in the schemas and the columns. */
    private static final Map<Class<? extends Coded>, List<String>> CODES = Map.of(
            ReportStatus.class, List.of("processing", "completed", "failed"),
            ReportSource.class, List.of("upload", "mailbox"),
            ImportStatus.class, List.of("queued", "parsing", "staged", "applying", "completed", "failed"),
            ImportMode.class, List.of("replace", "upsert"),
            DeliveryStatus.class, List.of("queued", "sending", "sent", "delivered", "failed"),
            ReminderChannel.class, List.of("email", "sms"));

    private static final Map<Class<? extends Coded>, CodedConverter<?>> CONVERTERS = Map.of(
            ReportStatus.class, new ReportStatusConverter(),
            ReportSource.class, new ReportSourceConverter(),
            ImportStatus.class, new ImportStatusConverter(),
            ImportMode.class, new ImportModeConverter(),
            DeliveryStatus.class, new DeliveryStatusConverter(),
            ReminderChannel.class, new ReminderChannelConverter());

    @Test
    void everyValueWritesAndReadsItsCodeInJson() throws Exception {
        for (var entry : CODES.entrySet()) {
            Coded[] values = entry.getKey().getEnumConstants();
            assertThat(values).extracting(Coded::code).containsExactlyElementsOf(entry.getValue());
            for (Coded value : values) {
                String json = JSON.writeValueAsString(value);
                assertThat(json).isEqualTo("\"" + value.code() + "\"");
                assertThat(JSON.readValue(json, entry.getKey())).isSameAs(value);
            }
        }
    }

    @Test
    void aRecordWithAnEnumFieldWritesTheSameJsonAsWithTheString() throws Exception {
        record Typed(ReminderChannel channel, DeliveryStatus status) {}
        record Plain(String channel, String status) {}
        assertThat(JSON.writeValueAsString(new Typed(ReminderChannel.SMS, DeliveryStatus.DELIVERED)))
                .isEqualTo(JSON.writeValueAsString(new Plain("sms", "delivered")));
        assertThat(JSON.readValue("{\"channel\":null,\"status\":\"queued\"}", Typed.class))
                .isEqualTo(new Typed(null, DeliveryStatus.QUEUED));
    }

    @Test
    void aNameOutsideTheEnumIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> JSON.readValue("\"bounced\"", DeliveryStatus.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining(
                        "Unknown DeliveryStatus 'bounced'; known: queued, sending, sent, delivered, failed");
        // the names are exact: what the enum constants are called in Java is not a name outside it
        assertThatThrownBy(() -> JSON.readValue("\"COMPLETED\"", ReportStatus.class))
                .isInstanceOf(ValueInstantiationException.class);
        assertThat(Coded.find(ImportMode.class, "Replace")).isEmpty();
        assertThat(Coded.find(ImportMode.class, "replace")).contains(ImportMode.REPLACE);
        assertThat(Coded.find(ImportMode.class, null)).isEmpty();
        assertThat(ReminderChannel.fromCode(null)).isNull();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyConverterStoresTheCodeAndReadsItBack() {
        assertThat(CONVERTERS.keySet()).isEqualTo(CODES.keySet());
        for (var entry : CONVERTERS.entrySet()) {
            CodedConverter converter = entry.getValue();
            for (Coded value : entry.getKey().getEnumConstants()) {
                assertThat(converter.convertToDatabaseColumn(value)).isEqualTo(value.code());
                assertThat(converter.convertToEntityAttribute(value.code())).isSameAs(value);
            }
            assertThat(converter.convertToDatabaseColumn(null)).isNull();
            assertThat(converter.convertToEntityAttribute(null)).isNull();
            assertThatThrownBy(() -> converter.convertToEntityAttribute("no-such-value"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void codesAreUniqueWithinEachEnum() {
        for (Class<? extends Coded> type : CODES.keySet()) {
            Set<String> seen = new HashSet<>();
            for (Coded value : type.getEnumConstants()) {
                assertThat(seen.add(value.code()))
                        .as(type.getSimpleName() + " " + value)
                        .isTrue();
            }
        }
    }

    @Test
    void finishedImportsAndChannelLabels() {
        assertThat(List.of(ImportStatus.values()).stream().filter(ImportStatus::isFinished))
                .containsExactly(ImportStatus.COMPLETED, ImportStatus.FAILED);
        assertThat(ReminderChannel.EMAIL.label()).isEqualTo("e-mail");
        assertThat(ReminderChannel.SMS.label()).isEqualTo("SMS");
        assertThat(Coded.codes(ReminderChannel.class)).isEqualTo("email, sms");
    }
}
