package com.clinicsuite.web.openapi;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Gives every service's OpenAPI document the suite's security scheme: auth-service's OAuth2 password grant on
 * {@code /token}, required by every operation, so Swagger UI's Authorize button signs in (through the gateway,
 * {@code /token} resolves against the gateway's origin) and "Try it out" sends the token. Quarkus names the scheme
 * it derives from {@code @RolesAllowed} {@value #SCHEME} ({@code quarkus.smallrye-openapi.security-scheme-name},
 * platform-web's defaults) and refers to it from each operation with the roles as scopes; this filter replaces that
 * bearer scheme with the password flow, declaring those roles as its scopes. Registered by {@code mp.openapi.filter}
 * (a library's annotations are not scanned, so an {@code @SecurityScheme} here would not reach the services).
 */
public class SuiteOpenApiFilter implements OASFilter {
    public static final String SCHEME = "oauth2";
    static final String TOKEN_URL = "/token";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, String> scopes = new TreeMap<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().values().forEach(operation -> {
                        if (operation.getSecurity() == null) {
                            return;
                        }
                        for (SecurityRequirement requirement : operation.getSecurity()) {
                            if (requirement.getScheme(SCHEME) != null) {
                                requirement.getScheme(SCHEME).forEach(role -> scopes.put(role, "role " + role));
                            }
                        }
                    }));
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        SCHEME,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.OAUTH2)
                                .description("Sign in as a suite user: auth-service's OAuth2 password grant")
                                .flows(OASFactory.createOAuthFlows()
                                        .password(OASFactory.createOAuthFlow()
                                                .tokenUrl(TOKEN_URL)
                                                .scopes(scopes))));
        boolean required =
                openAPI.getSecurity() != null && openAPI.getSecurity().stream().anyMatch(r -> r.hasScheme(SCHEME));
        if (!required) {
            openAPI.addSecurityRequirement(
                    OASFactory.createSecurityRequirement().addScheme(SCHEME));
        }
    }
}
