package com.clinicsuite.auth.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Declares the OAuth2 password flow on {@code /token}, so Swagger UI's Authorize button signs in. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "auth-service",
                        version = "1.0.0",
                        description =
                                "Users, roles, centers, pharmacies and grants; issues the JWTs every service trusts."),
        security = @SecurityRequirement(name = "oauth2"))
@SecurityScheme(
        securitySchemeName = "oauth2",
        type = SecuritySchemeType.OAUTH2,
        flows = @OAuthFlows(password = @OAuthFlow(tokenUrl = "/token")))
public class OpenApiDefinition extends Application {}
