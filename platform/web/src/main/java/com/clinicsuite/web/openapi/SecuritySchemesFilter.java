package com.clinicsuite.web.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * How a caller signs in, the same in every service's document: Quarkus names each secured operation's bearer JWT
 * requirement ({@value #BEARER}, from {@code @RolesAllowed} / {@code @Authenticated}); this adds the OAuth2 password
 * flow against auth-service's {@code /token} as an equal alternative ({@value #OAUTH2}), so Swagger UI's Authorize
 * button signs in with a user name and password. The token URL is relative: it resolves against the server the
 * document is used through (the gateway).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SecuritySchemesFilter implements OASFilter {

    static final String BEARER = "bearer";
    static final String OAUTH2 = "oauth2";
    static final String TOKEN_URL = "/token";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        OAUTH2,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.OAUTH2)
                                .description("Sign in with a user name and password (auth-service's POST /token);"
                                        + " the access token it answers is the bearer token")
                                .flows(OASFactory.createOAuthFlows()
                                        .password(OASFactory.createOAuthFlow()
                                                .tokenUrl(TOKEN_URL)
                                                .scopes(new java.util.LinkedHashMap<>()))));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() == null) {
                return;
            }
            item.getOperations().values().forEach(operation -> {
                List<SecurityRequirement> security = operation.getSecurity();
                if (security == null) {
                    return;
                }
                boolean bearer = security.stream()
                        .anyMatch(r -> r.getSchemes() != null && r.getSchemes().containsKey(BEARER));
                boolean oauth2 = security.stream()
                        .anyMatch(r -> r.getSchemes() != null && r.getSchemes().containsKey(OAUTH2));
                if (bearer && !oauth2) {
                    List<SecurityRequirement> both = new ArrayList<>(security);
                    both.add(OASFactory.createSecurityRequirement().addScheme(OAUTH2));
                    operation.setSecurity(both);
                }
            });
        });
    }
}
