package com.clinicsuite.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.auth.UserDeactivated;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A token verified once is answered from memory afterwards (CachingJwtParser); these check that the cache never
 * lets through what verification would refuse. This module's tests run with a clock skew of 1 s.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class VerifiedTokenCacheTest {

    @Inject
    JWTParser parser;

    @Test
    void aRepeatedTokenIsVerifiedOnceAndAnsweredFromTheCache() throws Exception {
        String token = TestTokens.user("repeater")
                .id(5001)
                .roles("staff")
                .center("GK2")
                .sign();
        given().auth().oauth2(token).get("/probe").then().statusCode(200).body("center", equalTo("GK2"));
        given().auth().oauth2(token).get("/probe").then().statusCode(200).body("center", equalTo("GK2"));

        assertThat(parser).isInstanceOf(CachingJwtParser.class);
        assertThat(parser.parse(token)).isSameAs(parser.parse(token));
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpired() throws Exception {
        String token = TestTokens.user("short-lived")
                .id(5002)
                .roles("staff")
                .expiresIn(Duration.ofSeconds(3))
                .sign();
        given().auth().oauth2(token).get("/probe").then().statusCode(200);
        given().auth().oauth2(token).get("/probe").then().statusCode(200);
        assertThat(parser.parse(token)).isSameAs(parser.parse(token)); // cached

        long exp = parser.parse(token).getExpirationTime();
        Thread.sleep(Math.max(0, (exp + 1) * 1000 - System.currentTimeMillis()) + 500); // past exp and the skew
        given().auth()
                .oauth2(token)
                .get("/probe")
                .then()
                .statusCode(401)
                .body("detail", equalTo("Not authenticated: send a valid bearer token"));
    }

    @Test
    void anotherSignatureForTheClaimsOfACachedTokenIsRefused() {
        String token = TestTokens.user("genuine").id(5003).roles("admin").sign();
        given().auth().oauth2(token).get("/probe/admin").then().statusCode(200);
        given().auth().oauth2(token).get("/probe/admin").then().statusCode(200);

        String signedPart = token.substring(0, token.lastIndexOf('.') + 1);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        // one character of the signature changed (mid-signature: the last one also carries unused padding bits)
        int at = signature.length() / 2;
        String flipped = signedPart
                + signature.substring(0, at)
                + (signature.charAt(at) == 'A' ? 'B' : 'A')
                + signature.substring(at + 1);
        // a genuine signature, but of another token issued by the same key
        String otherToken = TestTokens.user("genuine").id(5003).roles("admin").sign();
        String borrowed = signedPart + otherToken.substring(otherToken.lastIndexOf('.') + 1);
        // no signature at all, and one by a key the service does not trust
        String unsigned = signedPart;
        String foreign = TestTokens.user("genuine")
                .id(5003)
                .roles("admin")
                .badSignature()
                .sign();

        for (String forged : new String[] {flipped, borrowed, unsigned, foreign}) {
            given().auth()
                    .oauth2(forged)
                    .get("/probe/admin")
                    .then()
                    .statusCode(401)
                    .body("detail", equalTo("Not authenticated: send a valid bearer token"));
        }
        // the genuine token is still fine
        given().auth().oauth2(token).get("/probe/admin").then().statusCode(200);
    }

    @Test
    void theCachedTokenOfAUserDeactivatedLaterIsRefused() throws Exception {
        String token = TestTokens.user("cached-leaver").id(5004).roles("staff").sign();
        given().auth().oauth2(token).get("/probe").then().statusCode(200);
        given().auth().oauth2(token).get("/probe").then().statusCode(200);
        assertThat(parser.parse(token)).isSameAs(parser.parse(token)); // cached

        Thread.sleep(1100); // iat has second resolution
        try (EventPublisher events = new EventPublisher()) {
            events.send(
                    EventCatalog.USER_DEACTIVATED, "5004", new UserDeactivated(5004, "cached-leaver", Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().auth().oauth2(token).get("/probe").then().statusCode(401));
    }
}
