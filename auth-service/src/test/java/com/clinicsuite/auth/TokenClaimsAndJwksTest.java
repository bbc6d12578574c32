package com.clinicsuite.auth;

import static com.clinicsuite.auth.AuthApi.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.clinicsuite.auth.keys.SigningKeyRing;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Test;

/**
 * The claims of issued tokens (docs/security.md), their verification by a verifier that knows nothing but the
 * JWKS URL (as every other service), and key rotation.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class TokenClaimsAndJwksTest {

    @TestHTTPResource("/.well-known/jwks.json")
    URL jwksUrl;

    @Inject
    SigningKeyRing keys;

    /** A verifier configured like another service: JWKS URL, issuer and audience only. */
    private JsonWebToken verifyAsAnotherService(String token) throws ParseException {
        JWTAuthContextInfo context = new JWTAuthContextInfo(jwksUrl.toString(), TestTokens.ISSUER);
        context.setExpectedAudience(Set.of(TestTokens.AUDIENCE));
        return new DefaultJWTParser(context).parse(token);
    }

    @Test
    void tokensCarryTheDocumentedClaimsAndVerifyAgainstTheJwks() throws Exception {
        String username = AuthApi.unique("claims");
        long userId = AuthApi.createUser(username, List.of("staff"), "Greater Kailash 2");
        long readable = AuthApi.createPharmacy("Read Pharmacy");
        long writable = AuthApi.createPharmacy("Write Pharmacy");
        AuthApi.grant(userId, readable, true, false);
        AuthApi.grant(userId, writable, true, true);
        String token = AuthApi.token(username, PASSWORD);

        JsonWebToken jwt = verifyAsAnotherService(token);
        assertThat(jwt.getIssuer()).isEqualTo("https://auth.clinicsuite.local");
        assertThat(jwt.getAudience()).containsExactly("clinic-suite");
        assertThat(jwt.getSubject()).isEqualTo(Long.toString(userId));
        assertThat(jwt.getName()).isEqualTo(username);
        assertThat((String) jwt.getClaim("preferred_username")).isEqualTo(username);
        assertThat(jwt.getGroups()).containsExactlyInAnyOrder("staff", "pharmacy");
        assertThat(jwt.<Object>getClaim("center").toString()).isEqualTo("GK2");
        JsonObject pharmacies = jwt.getClaim("pharmacies");
        assertThat(pharmacies.getString(Long.toString(readable))).isEqualTo("r");
        assertThat(pharmacies.getString(Long.toString(writable))).isEqualTo("rw");
        assertThat(jwt.getTokenID()).isNotBlank();
        assertThat(jwt.getExpirationTime() - jwt.getIssuedAtTime()).isEqualTo(30 * 60);

        JsonWebStructure jws = JsonWebStructure.fromCompactSerialization(token);
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(keys.active().kid());
        given().when()
                .get("/.well-known/jwks.json")
                .then()
                .statusCode(200)
                .body("keys.kid", hasItem(keys.active().kid()))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].d", equalTo(null));
    }

    @Test
    void aTokenWithoutCenterOrGrantsOmitsTheCenter() throws Exception {
        String username = AuthApi.unique("plain");
        AuthApi.createUser(username, List.of("admin"), null);
        JsonWebToken jwt = verifyAsAnotherService(AuthApi.token(username, PASSWORD));
        assertThat(jwt.getClaimNames()).doesNotContain("center");
        assertThat(jwt.getGroups()).containsExactly("admin");
        assertThat(((JsonObject) jwt.getClaim("pharmacies"))).isEmpty();
    }

    @Test
    void theOtherServicesVerifierRejectsAForeignSignature() {
        String forged = TestTokens.user("mallory").roles("admin").badSignature().sign();
        assertThatThrownBy(() -> verifyAsAnotherService(forged)).isInstanceOf(ParseException.class);
    }

    @Test
    void aNewKeySignsWhileTheOldOneStillVerifies() throws Exception {
        String username = AuthApi.unique("rotation");
        AuthApi.createUser(username, List.of("staff"), null);
        String oldKid = keys.active().kid();
        String before = AuthApi.token(username, PASSWORD);

        // kids sort by name and the greatest signs: "zz-..." sorts after every generated "dev-..." kid
        String newKid = "zz-rotation-" + System.nanoTime();
        Path keyFile = Path.of("target/test-signing-keys", newKid + ".pem");
        Files.writeString(
                keyFile, pem(KeyUtils.generateKeyPair(2048).getPrivate().getEncoded()));
        try {
            keys.reload();
            String after = AuthApi.token(username, PASSWORD);

            assertThat(JsonWebStructure.fromCompactSerialization(after).getKeyIdHeaderValue())
                    .isEqualTo(newKid);
            given().when()
                    .get("/.well-known/jwks.json")
                    .then()
                    .statusCode(200)
                    .body("keys.kid", hasItem(oldKid))
                    .body("keys.kid", hasItem(newKid));
            // auth-service itself and another service both accept the tokens of both keys
            for (String token : List.of(before, after)) {
                given().auth().oauth2(token).when().get("/users/me").then().statusCode(200);
                assertThat(verifyAsAnotherService(token).getName()).isEqualTo(username);
            }
        } finally {
            Files.delete(keyFile);
            keys.reload();
        }
        // once the new key is withdrawn, its tokens no longer verify and the old key signs again
        assertThat(keys.active().kid()).isEqualTo(oldKid);
        given().auth().oauth2(before).when().get("/users/me").then().statusCode(200);
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }
}
