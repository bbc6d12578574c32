package com.clinicsuite.outbox;

import com.clinicsuite.web.errors.DependencyFailures;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A request failed for a transient reason ({@link Failures#isTransient}: the database or the broker unreachable,
 * restarting, out of connections; a timeout): platform-web answers it 503 {@code dependency_unavailable} with
 * {@code Retry-After}. The same classification the {@link Inbox} retries by.
 */
@ApplicationScoped
public class TransientDependencyFailures implements DependencyFailures {

    @Override
    public boolean isDependencyDown(Throwable failure) {
        return Failures.isTransient(failure);
    }
}
