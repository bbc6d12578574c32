package com.clinicsuite.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * The only place keys are fetched from is JWKS_URL (docs/security.md): in every profile a service can run with, also
 * a build profile such as mssql (Quarkus keeps it as the artifact's runtime profile, where a %prod-only setting left
 * the SQL Server artifact without keys), and never in tests, which verify against the test kit's key.
 */
class JwksLocationTest {

    private static final String LOCATION = "mp.jwt.verify.publickey.location";

    @Test
    void everyRuntimeProfileFetchesFromJwksUrlAndTestsFetchNothing() throws Exception {
        for (String profile : new String[] {"prod", "dev", "mssql"}) {
            assertThat(platformDefaults(profile).getOptionalValue(LOCATION, String.class))
                    .as(profile)
                    .contains(System.getenv().getOrDefault("JWKS_URL", "http://localhost:8081/.well-known/jwks.json"));
        }
        // smallrye-jwt's value for "not set"
        assertThat(platformDefaults("test").getOptionalValue(LOCATION, String.class))
                .contains("NONE");
    }

    private static SmallRyeConfig platformDefaults(String profile) throws Exception {
        URL defaults = AccessRevocations.class.getClassLoader().getResource("META-INF/microprofile-config.properties");
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(defaults))
                .build();
    }
}
