package com.clinicsuite.outbox.testapp;

import com.clinicsuite.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A business change and its event in one transaction, the way services use the outbox. */
@ApplicationScoped
public class NoteService {

    private final Outbox outbox;

    public NoteService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Many notes' events at once, through {@link Outbox#publishAll}. */
    public Uni<Integer> writeAll(List<NoteWritten> written) {
        return Panache.withTransaction(() -> outbox.publishAll(NoteWritten.TYPE, written, NoteWritten::noteKey));
    }

    /** An event without a note (its body may be larger than a note holds). */
    public Uni<Void> publishOnly(String key, int seq, String body) {
        return Panache.withTransaction(() -> outbox.publish(NoteWritten.TYPE, key, new NoteWritten(key, seq, body)))
                .replaceWithVoid();
    }

    public Uni<Void> write(String key, int seq, String body, boolean failAfterPublishing) {
        return Panache.withTransaction(() -> {
            Note note = new Note();
            note.body = body;
            return note.persist()
                    .chain(() -> outbox.publish(NoteWritten.TYPE, key, new NoteWritten(key, seq, body)))
                    .chain(() -> failAfterPublishing
                            ? Uni.createFrom().failure(new IllegalStateException("rolled back"))
                            : Uni.createFrom().voidItem());
        });
    }
}
