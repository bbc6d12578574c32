package com.clinicsuite.imports.credit.service;

import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs reactive (Hibernate Reactive) work from a blocking thread, such as an import worker, and waits for it:
 * the work runs on a Vert.x context, as Hibernate Reactive requires.
 */
final class Blocking {

    private Blocking() {
    }

    /**
     * Starts reactive work on a Vert.x duplicated context of its own (flagged safe, as Hibernate Reactive requires)
     * and returns at once; the future completes with its outcome.
     */
    static <T> CompletableFuture<T> start(Vertx vertx, Supplier<Uni<T>> work) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(outcome::complete, outcome::completeExceptionally));
        return outcome;
    }

    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
