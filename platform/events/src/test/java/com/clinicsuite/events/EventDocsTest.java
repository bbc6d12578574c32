package com.clinicsuite.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/events.md is the catalogue people read: every event and topic must be on it. */
class EventDocsTest {

    @Test
    void theCatalogueDocumentNamesEveryEventWithItsTopic() throws Exception {
        String doc = Files.readString(Path.of("../../docs/events.md"));
        for (EventType<?> type : EventCatalog.ALL) {
            assertThat(doc).as(type.type()).contains("| `" + type.type() + "` | `" + type.topic() + "` (");
        }
    }
}
