package com.clinicsuite.outbox.testapp;

import com.clinicsuite.events.EventType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A test event: {@code seq} lets the tests check order per key. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NoteWritten(String noteKey, int seq, String body) {
    public static final EventType<NoteWritten> TYPE =
            new EventType<>("test.note-written.v1", "test.notes", NoteWritten.class);
}
