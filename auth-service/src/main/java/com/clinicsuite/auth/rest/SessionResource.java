package com.clinicsuite.auth.rest;

import com.clinicsuite.auth.rest.dto.LoginResponse;
import com.clinicsuite.auth.rest.dto.RefreshRequest;
import com.clinicsuite.auth.service.AuthenticationService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Keeps an SPA signed in without its password: refresh rotates the refresh token, logout revokes it. */
@Path("/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final AuthenticationService authentication;

    public SessionResource(AuthenticationService authentication) {
        this.authentication = authentication;
    }

    @POST
    @Path("refresh")
    @Operation(summary = "Trade a refresh token for a new access token and a new refresh token")
    public Uni<LoginResponse> refresh(@Valid @NotNull RefreshRequest body) {
        return authentication.refresh(body.refreshToken()).map(LoginResponse::of);
    }

    @POST
    @Path("logout")
    @Operation(summary = "Revoke the session of a refresh token (204, also when it is unknown)")
    public Uni<Void> logout(@Valid @NotNull RefreshRequest body) {
        return authentication.logout(body.refreshToken());
    }
}
