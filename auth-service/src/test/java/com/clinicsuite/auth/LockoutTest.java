package com.clinicsuite.auth;

import static com.clinicsuite.auth.AuthApi.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Brute force: repeated failures for a username or from an address answer 429 with Retry-After. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class LockoutTest {

    @Test
    void aUsernameIsLockedOutAfterFiveFailuresEvenWithTheRightPassword() {
        String username = AuthApi.unique("target");
        AuthApi.createUser(username, List.of("staff"), null);
        for (int i = 0; i < 5; i++) {
            // from different addresses: the username's own counter must trip
            AuthApi.login(username, "wrong-password-" + i).then().statusCode(401);
        }
        Response locked = AuthApi.login(username, PASSWORD);
        locked.then().statusCode(429).body("detail", notNullValue());
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);

        // other users are not affected
        String other = AuthApi.unique("bystander");
        AuthApi.createUser(other, List.of("staff"), null);
        AuthApi.login(other, PASSWORD).then().statusCode(200);
    }

    @Test
    void anAddressIsLockedOutAfterTwentyFailures() {
        String address = AuthApi.freshAddress();
        for (int i = 0; i < 20; i++) {
            // a different (unknown) username each time: password spraying from one address
            AuthApi.login(AuthApi.unique("spray"), "wrong-password", address)
                    .then()
                    .statusCode(401);
        }
        String username = AuthApi.unique("victim");
        AuthApi.createUser(username, List.of("staff"), null);
        AuthApi.login(username, PASSWORD, address).then().statusCode(429);
        AuthApi.login(username, PASSWORD, AuthApi.freshAddress()).then().statusCode(200);
    }

    @Test
    void aSuccessfulLoginClearsTheUsernamesFailures() {
        String username = AuthApi.unique("typo");
        AuthApi.createUser(username, List.of("staff"), null);
        for (int i = 0; i < 4; i++) {
            AuthApi.login(username, "typo-password").then().statusCode(401);
        }
        AuthApi.login(username, PASSWORD).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            AuthApi.login(username, "typo-password").then().statusCode(401);
        }
        AuthApi.login(username, PASSWORD).then().statusCode(200);
    }
}
