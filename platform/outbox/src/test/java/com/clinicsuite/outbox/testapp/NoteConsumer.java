package com.clinicsuite.outbox.testapp;

import com.clinicsuite.outbox.Failures;
import com.clinicsuite.outbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies notes, with bodies that make it fail on purpose: "flaky-N" fails its first N tries with this service's
 * own transient failure, "always-fails" breaks a rule every time, "rejected-until-fixed" breaks a rule until the
 * test "fixes" it.
 */
@ApplicationScoped
public class NoteConsumer {

    /** Handler calls per event id: shows whether a failure was retried. */
    public static final ConcurrentHashMap<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    /** The "fix" that lets "rejected-until-fixed" notes through. */
    public static volatile boolean fixed;

    /** A failure this consumer knows to be worth a retry, added to the platform's default classification. */
    static final class NoteNotReadyYet extends RuntimeException {
        NoteNotReadyYet() {
            super("not ready yet");
        }
    }

    private static final Predicate<Throwable> RETRYABLE = Failures.TRANSIENT.or(NoteNotReadyYet.class::isInstance);

    private static final Logger LOG = Logger.getLogger(NoteConsumer.class);

    private final Inbox inbox;

    public NoteConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("notes-in")
    public Uni<Void> consume(Message<String> message) {
        // by type: the topic's other events (none in production here; the dispatch test sends one) are skipped
        return inbox.dispatch(
                        "note-consumer",
                        message,
                        Inbox.Handlers.on(NoteWritten.TYPE, event -> {
                                    String body = event.data().body();
                                    int attempt = ATTEMPTS.computeIfAbsent(event.id(), k -> new AtomicInteger())
                                            .incrementAndGet();
                                    if (body.startsWith("always-fails")
                                            || (body.startsWith("rejected-until-fixed") && !fixed)) {
                                        return Uni.createFrom()
                                                .failure(new IllegalStateException("note breaks a rule"));
                                    }
                                    if (body.startsWith("flaky-")
                                            && attempt <= Integer.parseInt(body.substring(6, 7))) {
                                        return Uni.createFrom().failure(new NoteNotReadyYet());
                                    }
                                    // ids only (as in the services): the trace test finds this line by it
                                    LOG.infof("note-consumer applies event %s", event.id());
                                    NoteSeen seen = new NoteSeen();
                                    seen.eventId = event.id();
                                    seen.noteKey = event.data().noteKey();
                                    seen.body = body;
                                    return seen.persist().map(ignored -> seen.id);
                                })
                                .retryable(RETRYABLE))
                .replaceWithVoid();
    }
}
