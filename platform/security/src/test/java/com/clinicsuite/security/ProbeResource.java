package com.clinicsuite.security;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;

/** A tiny API to exercise the platform's security behaviour. */
@Path("/probe")
public class ProbeResource {

    private final CallerIdentity caller;
    private final PharmacyAccess access;

    public ProbeResource(CallerIdentity caller, PharmacyAccess access) {
        this.caller = caller;
        this.access = access;
    }

    @GET
    @Authenticated
    public Map<String, Object> me() {
        return Map.of(
                "username",
                caller.username(),
                "admin",
                caller.isAdmin(),
                "center",
                caller.center().orElse(""),
                "grants",
                caller.pharmacyGrants().size());
    }

    @GET
    @Path("/admin")
    @RolesAllowed("admin")
    public String admin() {
        return "ok";
    }

    @GET
    @Path("/pharmacies/{id}/write")
    @Authenticated
    public String write(@PathParam("id") long id) {
        access.requireWrite(id);
        return "ok";
    }
}
