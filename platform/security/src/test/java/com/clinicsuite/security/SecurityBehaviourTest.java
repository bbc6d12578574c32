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
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class SecurityBehaviourTest {

    @Test
    void readsTheSuiteClaims() {
        String token = TestTokens.user("thandi")
                .id(10)
                .roles("staff")
                .center("Punjabi Bagh")
                .grant(2, true, true)
                .grant(3, true, false)
                .sign();
        given().auth()
                .oauth2(token)
                .get("/probe")
                .then()
                .statusCode(200)
                .body("username", equalTo("thandi"))
                .body("admin", equalTo(false))
                .body("center", equalTo("Punjabi Bagh"))
                .body("grants", equalTo(2));
    }

    @Test
    void everyAuthenticationFailureIs401WithTheContractBody() {
        given().get("/probe")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("Not authenticated: send a valid bearer token"));
        given().auth()
                .oauth2(TestTokens.user("x").expired().sign())
                .get("/probe")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.user("x").badSignature().sign())
                .get("/probe")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.user("x").issuer("https://evil").sign())
                .get("/probe")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.user("x").audience("other").sign())
                .get("/probe")
                .then()
                .statusCode(401);
        given().auth().oauth2("not-a-jwt").get("/probe").then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void missingRoleOrGrantIs403WithADetail() {
        given().auth()
                .oauth2(TestTokens.staff("GK2"))
                .get("/probe/admin")
                .then()
                .statusCode(403)
                .body("detail", equalTo("You are not allowed to do this"));
        given().auth().oauth2(TestTokens.admin()).get("/probe/admin").then().statusCode(200);
        given().auth()
                .oauth2(TestTokens.pharmacyReader(7))
                .get("/probe/pharmacies/7/write")
                .then()
                .statusCode(403)
                .body("detail", equalTo("You have read-only access to pharmacy 7"));
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(8))
                .get("/probe/pharmacies/7/write")
                .then()
                .statusCode(403)
                .body("detail", equalTo("You have no access to pharmacy 7"));
        given().auth()
                .oauth2(TestTokens.pharmacyWriter(7))
                .get("/probe/pharmacies/7/write")
                .then()
                .statusCode(200);
    }

    @Test
    void theTestProfileVerifiesAgainstTheTestKeyAndFetchesNoJwks() {
        Config config = ConfigProvider.getConfig();
        assertThat(config.getValue("mp.jwt.verify.publickey.location", String.class))
                .isEqualTo("NONE");
        assertThat(config.getValue("mp.jwt.verify.publickey", String.class)).isEqualTo(TestTokens.publicKeyPem());
    }

    @Test
    void tokensOfADeactivatedUserAreRefusedSoonAfterTheEvent() throws Exception {
        String before = TestTokens.user("leaver").id(4242).roles("staff").sign();
        given().auth().oauth2(before).get("/probe").then().statusCode(200);
        Thread.sleep(1100); // iat has second resolution
        try (EventPublisher events = new EventPublisher()) {
            events.send(EventCatalog.USER_DEACTIVATED, "4242", new UserDeactivated(4242, "leaver", Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().auth().oauth2(before).get("/probe").then().statusCode(401));
        // a token issued after a later re-activation is accepted again
        Thread.sleep(1100);
        given().auth()
                .oauth2(TestTokens.user("leaver").id(4242).roles("staff").sign())
                .get("/probe")
                .then()
                .statusCode(200);
        // other users are unaffected
        given().auth()
                .oauth2(TestTokens.user("stayer").id(4243).roles("staff").sign())
                .get("/probe")
                .then()
                .statusCode(200);
    }
}
