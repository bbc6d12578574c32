package com.clinicsuite.outbox;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Starts Hibernate Reactive work from where there is no request context of its own: a timer, a worker or shutdown
 * thread, or a round that must not share its session. Each call runs on a <em>fresh</em> Vert.x duplicated context.
 *
 * <p>Only public API. {@link VertxContextSupport#subscribe} marks the context it uses safe for Hibernate Reactive, but
 * it refuses to be called on an event loop, and called where the current context is a duplicated one it reuses that
 * one, with the session bound to it (a caller's transaction). So a new duplicated context of the caller's event loop
 * is made first ({@link VertxContext#createNewDuplicatedContext}), and {@code VertxContextSupport} is called from a
 * worker thread of that context ({@code executeBlocking}: the current context there is the new one, and the thread is
 * not an event loop); the work itself then runs on the new context's event loop. The worker is held only for the
 * call, which returns at once.
 */
public final class ReactiveWork {

    private ReactiveWork() {}

    /** Starts {@code work} on a new duplicated context and returns at once; the future completes with its outcome. */
    public static <T> CompletableFuture<T> start(Vertx vertx, Supplier<Uni<T>> work) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        Context fresh = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        fresh.<Void>executeBlocking(
                        () -> {
                            VertxContextSupport.<T>subscribe(
                                    () -> Uni.createFrom()
                                            .<T>deferred(work::get)
                                            .toMulti(),
                                    subscribe -> subscribe.with(
                                            outcome::complete,
                                            outcome::completeExceptionally,
                                            () -> outcome.complete(null)));
                            return null;
                        },
                        false)
                .onFailure(outcome::completeExceptionally);
        return outcome;
    }
}
