package com.clinicsuite.outbox.ops;

import com.clinicsuite.web.input.ParameterValues;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code skip} and {@code limit} of the operations lists, checked (422 naming the parameter, never 404 or 500). */
// never serialised; built inside methods that answer a Response, where NativeReadinessContract cannot tell it from
// the answer, so it is registered (a few bytes of metadata) rather than the contract made to guess
@RegisterForReflection
record Paging(int skip, int limit) {

    static final int MAX_LIMIT = 1000;

    static Paging of(String skip, String limit) {
        return new Paging(
                ParameterValues.integer("skip", skip, 0, 0, Integer.MAX_VALUE),
                ParameterValues.integer("limit", limit, 100, 1, MAX_LIMIT));
    }
}
