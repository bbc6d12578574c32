package com.clinicsuite.credit.service;

import com.clinicsuite.outbox.ReactiveWork;
import io.quarkus.cache.Cache;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Figures computed once and shared by every caller that asks for them while they are computed or cached, where one
 * caller going away cannot take the figure from the others.
 * <p>
 * Quarkus' {@code @CacheResult} on a {@code Uni} method shares one in-flight computation between concurrent callers,
 * but it runs in the first caller's subscription: when that caller is cancelled (its client closed the connection),
 * the shared computation is cancelled with it, and every other caller waiting for it fails with a
 * {@code CancellationException} (answered 500; seen under wrk on {@code /credit-balances/stats/summary}). Here the
 * cache holds the computation's {@link CompletableFuture} itself, started on a Vert.x context and in a Hibernate
 * Reactive session of its own ({@link ReactiveWork}), subscribed by nobody's request. Each caller only listens to
 * it: a caller cancelled stops listening, the computation goes on for the others and is cached for later ones. A
 * computation that fails is dropped from the cache (the next caller computes again) and fails its listeners.
 * <p>
 * A listener hears the figure on its own Vert.x context, so it goes on in its own session (a figure already
 * computed is answered at once, on the caller's thread).
 */
@ApplicationScoped
public class SharedFigures {

    private static final Logger LOG = Logger.getLogger(SharedFigures.class);

    private final Vertx vertx;

    public SharedFigures(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * The figure cached in {@code cache} under {@code key}; when there is none, {@code compute} is started in a
     * session of its own and cached at once, so callers arriving meanwhile wait for the same computation.
     */
    public <T> Uni<T> get(Cache cache, Object key, Supplier<Uni<T>> compute) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<T> figure = cache.<Object, CompletableFuture<T>>get(key, k -> start(cache, k, compute))
                    .chain(SharedFigures::listen);
            return caller == null ? figure : figure.emitOn(on(caller));
        });
    }

    private <T> CompletableFuture<T> start(Cache cache, Object key, Supplier<Uni<T>> compute) {
        CompletableFuture<T> figure = ReactiveWork.start(vertx, () -> Panache.withSession(compute::get));
        figure.whenComplete((value, failure) -> {
            if (failure != null) {
                cache.invalidate(key)
                        .subscribe()
                        .with(
                                dropped -> {},
                                e -> LOG.warnf(
                                        "Dropping a failed figure from cache %s failed: %s", cache.getName(), e));
            }
        });
        return figure;
    }

    /** The figure as one caller hears it: cancelling this stops listening, never the computation. */
    private static <T> Uni<T> listen(CompletableFuture<T> figure) {
        return Uni.createFrom()
                .emitter(emitter -> figure.whenComplete((value, failure) -> {
                    if (failure == null) {
                        emitter.complete(value);
                    } else {
                        emitter.fail(
                                failure instanceof CompletionException && failure.getCause() != null
                                        ? failure.getCause()
                                        : failure);
                    }
                }));
    }

    /** Runs on {@code context}: at once when already there, else queued on it. */
    private static Executor on(Context context) {
        return command -> {
            if (Vertx.currentContext() == context) {
                command.run();
            } else {
                context.runOnContext(ignored -> command.run());
            }
        };
    }
}
