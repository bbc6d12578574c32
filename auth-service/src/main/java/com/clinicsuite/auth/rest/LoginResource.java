package com.clinicsuite.auth.rest;

import com.clinicsuite.auth.rest.dto.LoginRequest;
import com.clinicsuite.auth.rest.dto.LoginResponse;
import com.clinicsuite.auth.rest.dto.TokenResponse;
import com.clinicsuite.auth.service.AuthenticationService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/** Password sign-in: JSON for the SPAs, the OAuth2 password grant for Swagger UI and OAuth2 clients. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {

    private final AuthenticationService authentication;

    public LoginResource(AuthenticationService authentication) {
        this.authentication = authentication;
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in; answers an access token, a refresh token and the user")
    public Uni<LoginResponse> login(@Valid @NotNull LoginRequest body, @Context HttpServerRequest request) {
        return authentication
                .login(body.username(), body.password(), ClientAddress.of(request))
                .map(LoginResponse::of);
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "OAuth2 password grant (RFC 6749 §4.3)")
    public Uni<TokenResponse> token(
            @RestForm("grant_type") String grantType,
            @RestForm String username,
            @RestForm String password,
            @Context HttpServerRequest request) {
        if (!"password".equals(grantType)) {
            throw new BadRequestException("grant_type must be 'password'");
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new BadRequestException("username and password are required");
        }
        return authentication
                .login(username, password, ClientAddress.of(request))
                .map(session -> TokenResponse.of(session.accessToken()));
    }
}
