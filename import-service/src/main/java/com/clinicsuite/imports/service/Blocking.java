package com.clinicsuite.imports.service;

import com.clinicsuite.outbox.TraceContext;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Runs reactive (Hibernate Reactive) work from a blocking thread, such as an import worker, and waits for it:
 * the work runs on a Vert.x context, as Hibernate Reactive requires. To start work without waiting, see
 * {@link com.clinicsuite.outbox.ReactiveWork}.
 */
public final class Blocking {

    private Blocking() {}

    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            // the work runs on a Vert.x context of its own: the caller's trace goes with it, so the events it
            // publishes (an upload's report chunks) continue the request's trace (platform-outbox TraceContext)
            return VertxContextSupport.subscribeAndAwait(TraceContext.continuing(work));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
