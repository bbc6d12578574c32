package com.clinicsuite.outbox.testapp;

import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class NoteConsumer {

    /** Bodies starting with "flaky-N" fail their first N attempts. */
    static final ConcurrentHashMap<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    private final Inbox inbox;

    public NoteConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("notes-in")
    public Uni<Void> consume(Message<String> message) {
        return inbox.process("note-consumer", message, NoteWritten.class, event -> {
            String body = event.data().body();
            int attempt = ATTEMPTS.computeIfAbsent(event.id(), k -> new AtomicInteger())
                    .incrementAndGet();
            if (body.startsWith("always-fails")) {
                return Uni.createFrom().failure(new IllegalStateException("cannot apply"));
            }
            if (body.startsWith("flaky-") && attempt <= Integer.parseInt(body.substring(6, 7))) {
                return Uni.createFrom().failure(new IllegalStateException("transient"));
            }
            NoteSeen seen = new NoteSeen();
            seen.eventId = event.id();
            seen.noteKey = event.data().noteKey();
            seen.body = body;
            return seen.persist().replaceWithVoid();
        });
    }
}
