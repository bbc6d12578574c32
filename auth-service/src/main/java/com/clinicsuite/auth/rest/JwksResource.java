package com.clinicsuite.auth.rest;

import com.clinicsuite.auth.keys.SigningKeyRing;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The public keys every service verifies tokens with (RFC 7517). */
@Path("/.well-known/jwks.json")
public class JwksResource {

    private final SigningKeyRing keys;

    public JwksResource(SigningKeyRing keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "JSON Web Key Set of the token signing keys")
    public Response jwks() {
        // short cache: verifiers re-fetch on an unknown kid anyway, so a rotation is seen at once
        return Response.ok(keys.jwksJson())
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
