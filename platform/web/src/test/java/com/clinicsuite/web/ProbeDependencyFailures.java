package com.clinicsuite.web;

import com.clinicsuite.web.errors.DependencyFailures;
import jakarta.enterprise.context.ApplicationScoped;

/** The test's classification: a failure with {@link #DOWN} as its message is a dependency that is down. */
@ApplicationScoped
public class ProbeDependencyFailures implements DependencyFailures {

    static final String DOWN = "probe: the database is down";

    @Override
    public boolean isDependencyDown(Throwable failure) {
        return DOWN.equals(failure.getMessage());
    }
}
