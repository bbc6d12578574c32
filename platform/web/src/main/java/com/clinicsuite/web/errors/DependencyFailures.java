package com.clinicsuite.web.errors;

/**
 * Whether a request failed because a dependency (the database, the broker) is down, so that {@link ApiErrorMappers}
 * answers 503 {@code dependency_unavailable} with {@code Retry-After} instead of 500. platform-outbox provides the
 * implementation from its {@code Failures} (the suite's one classification of transient failures); without one every
 * unexpected failure stays a 500.
 */
public interface DependencyFailures {

    boolean isDependencyDown(Throwable failure);
}
