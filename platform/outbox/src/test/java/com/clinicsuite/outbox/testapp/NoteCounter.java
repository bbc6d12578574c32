package com.clinicsuite.outbox.testapp;

import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A second consumer of test.notes (a group of its own): counts every readable event once. */
@ApplicationScoped
public class NoteCounter {

    private final Inbox inbox;

    public NoteCounter(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("notes-counted")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process("note-counter", message, Map.class, event -> {
            NoteCounted counted = new NoteCounted();
            counted.eventId = event.id();
            return counted.persist().replaceWithVoid();
        });
    }
}
