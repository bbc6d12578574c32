package com.clinicsuite.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;

/** Enforces the per-pharmacy grants of the caller: 403 with a message the user can act on. */
@RequestScoped
public class PharmacyAccess {

    private final CallerIdentity caller;

    public PharmacyAccess(CallerIdentity caller) {
        this.caller = caller;
    }

    public void requireRead(long pharmacyId) {
        if (!caller.canRead(pharmacyId)) {
            throw new ForbiddenException("You have no access to pharmacy " + pharmacyId);
        }
    }

    public void requireWrite(long pharmacyId) {
        if (!caller.canWrite(pharmacyId)) {
            throw new ForbiddenException(
                    caller.canRead(pharmacyId)
                            ? "You have read-only access to pharmacy " + pharmacyId
                            : "You have no access to pharmacy " + pharmacyId);
        }
    }
}
