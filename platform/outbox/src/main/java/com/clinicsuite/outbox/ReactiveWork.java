package com.clinicsuite.outbox;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Starts Hibernate Reactive work from where there is no request context: a timer, a worker or shutdown thread.
 * Hibernate Reactive needs a Vert.x duplicated context of its own, flagged safe; this makes one per call.
 */
public final class ReactiveWork {

    private ReactiveWork() {}

    /** Starts {@code work} on a new duplicated context and returns at once; the future completes with its outcome. */
    public static <T> CompletableFuture<T> start(Vertx vertx, Supplier<Uni<T>> work) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(outcome::complete, outcome::completeExceptionally));
        return outcome;
    }
}
