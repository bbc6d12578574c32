package com.clinicsuite.auth.rest;

import com.clinicsuite.auth.service.Actor;
import com.clinicsuite.security.CallerIdentity;

/** The admin making a change, from the verified token. */
final class Actors {

    private Actors() {}

    static Actor of(CallerIdentity caller) {
        return new Actor(caller.userId().orElse(null), caller.username());
    }
}
