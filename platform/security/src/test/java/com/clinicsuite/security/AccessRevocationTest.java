package com.clinicsuite.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.auth.UserAccessChanged;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * auth.user-access-changed.v1 through the real broker: a token issued before the change is refused within seconds,
 * also when its verification was cached; later tokens and other users are unaffected.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class AccessRevocationTest {

    private static boolean reading;

    @Inject
    JWTParser parser;

    @Inject
    AccessRevocations revocations;

    /**
     * The 5 s are those of a running replica: on this fresh broker the topic only appears once the application
     * subscribed, so first wait (generously) until the consumer reads it.
     */
    @BeforeEach
    void consumerReadsTheTopic() {
        if (reading) {
            return;
        }
        String probe = TestTokens.user("probe").id(6199).roles("staff").sign();
        try (EventPublisher events = new EventPublisher()) {
            events.send(
                    EventCatalog.USER_ACCESS_CHANGED,
                    "6199",
                    new UserAccessChanged(6199, Instant.now(), List.of(UserAccessChanged.ROLES)));
        }
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(
                        () -> given().auth().oauth2(probe).get("/probe").then().statusCode(401));
        reading = true;
    }

    @Test
    void aTokenIssuedBeforeAnAccessChangeIsRefusedWithinFiveSecondsEvenWhenCached() throws Exception {
        String before = TestTokens.user("narrowed")
                .id(6101)
                .roles("pharmacy")
                .grant(12, true, true)
                .sign();
        String bystander = TestTokens.user("bystander").id(6102).roles("staff").sign();
        given().auth().oauth2(before).get("/probe").then().statusCode(200);
        given().auth().oauth2(before).get("/probe").then().statusCode(200);
        assertThat(parser.parse(before)).isSameAs(parser.parse(before)); // answered from the verified-token cache

        try (EventPublisher events = new EventPublisher()) {
            events.send(
                    EventCatalog.USER_ACCESS_CHANGED,
                    "6101",
                    new UserAccessChanged(6101, Instant.now(), List.of(UserAccessChanged.GRANTS)));
        }
        // within 5 s this replica knows (its state polled in-process: HTTP calls on a loaded machine would time the
        // machine, not the event's way), and from then on the request is refused
        JsonWebToken verified = parser.parse(before);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> revocations.isRevoked(6101, verified));
        given().auth()
                .oauth2(before)
                .get("/probe/pharmacies/12/write")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("code", equalTo("token_revoked"))
                .body("detail", equalTo(TokenRevokedMapper.DETAIL));

        given().auth().oauth2(bystander).get("/probe").then().statusCode(200);
        // a token without access_version issued in the second of the change is refused too (iat has seconds only);
        // one issued in a later second is accepted
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.user("narrowed")
                                .id(6101)
                                .roles("staff")
                                .sign())
                        .get("/probe")
                        .then()
                        .statusCode(200));
        given().auth().oauth2(before).get("/probe").then().statusCode(401);
    }
}
