package com.clinicsuite.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/events.md is the catalogue people read: every event and topic must be on it. */
class EventDocsTest {

    private static String doc() throws Exception {
        return Files.readString(Path.of("../../docs/events.md"));
    }

    @Test
    void theCatalogueDocumentNamesEveryEventWithItsTopic() throws Exception {
        String doc = doc();
        for (EventType<?> type : EventCatalog.ALL) {
            assertThat(doc).as(type.type()).contains("| `" + type.type() + "` | `" + type.topic() + "` (");
        }
    }

    @Test
    void theCatalogueDocumentClassifiesEveryTopicAsTheCodeDoes() throws Exception {
        String doc = doc();
        for (String topic : Topics.PUBLIC) {
            assertThat(doc).as(topic).contains("| `" + topic + "` | public | ");
        }
        for (String topic : Topics.INTERNAL) {
            assertThat(doc).as(topic).contains("| `" + topic + "` | internal | ");
        }
    }
}
