package com.clinicsuite.auth;

import static com.clinicsuite.auth.AuthApi.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.clinicsuite.testkit.SuiteInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Login throttling through the API, with the real database: attempts are counted before the password is checked,
 * per account and per client address (X-Forwarded-For from the trusted loopback), and what is over the limit is
 * answered 429 with Retry-After without a bcrypt evaluation. Test settings: 5 free attempts per account, 20 per
 * address, then a first wait of 30 s.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class LoginThrottleTest {

    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/login")
    URL login;

    @Test
    void fortyParallelGuessesFromFortyAddressesGetAtMostFiveEvaluations() throws Exception {
        String username = AuthApi.unique("target");
        AuthApi.createUser(username, List.of("staff"), null);
        double checksBefore = passwordChecks();

        HttpClient client = HttpClient.newBuilder().build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HttpRequest guess = HttpRequest.newBuilder(URI.create(login.toString()))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", AuthApi.freshAddress())
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + username + "\",\"password\":\"guess-" + i + "\"}"))
                    .timeout(Duration.ofSeconds(60))
                    .build();
            answers.add(client.sendAsync(guess, HttpResponse.BodyHandlers.ofString()));
        }
        int unauthorized = 0;
        int throttled = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 401) {
                unauthorized++;
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                long retryAfter = Long.parseLong(
                        response.headers().firstValue("Retry-After").orElseThrow());
                assertThat(retryAfter).isBetween(1L, 30L);
                assertThat(response.body()).contains("\"code\":\"too_many_attempts\"");
                throttled++;
            }
        }
        long evaluated = Math.round(passwordChecks() - checksBefore);
        assertThat((long) unauthorized).isEqualTo(evaluated).isBetween(1L, 5L);
        assertThat(throttled).isEqualTo(40 - unauthorized);
        // even the right password waits now, from anywhere
        AuthApi.login(username, PASSWORD).then().statusCode(429);
    }

    @Test
    void oneAddressSprayingManyAccountsIsHeldBackByItsOwnCounter() {
        String address = AuthApi.freshAddress();
        for (int i = 0; i < 20; i++) {
            // a different (unknown) username each time: password spraying from one address
            AuthApi.login(AuthApi.unique("spray"), "wrong-password", address)
                    .then()
                    .statusCode(401);
        }
        String username = AuthApi.unique("victim");
        AuthApi.createUser(username, List.of("staff"), null);
        Response held = AuthApi.login(username, PASSWORD, address);
        held.then().statusCode(429).body("code", equalTo("too_many_attempts"));
        assertThat(Long.parseLong(held.header("Retry-After"))).isBetween(1L, 30L);
        // the account itself is fine from anywhere else
        AuthApi.login(username, PASSWORD, AuthApi.freshAddress()).then().statusCode(200);
    }

    @Test
    void aSuccessForgivesTheTyposMadeFromTheSameAddress() {
        String username = AuthApi.unique("typo");
        AuthApi.createUser(username, List.of("staff"), null);
        String home = AuthApi.freshAddress();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                AuthApi.login(username, "typo-password", home).then().statusCode(401);
            }
            AuthApi.login(username, PASSWORD, home).then().statusCode(200);
        }
    }

    @Test
    void aSuccessFromOneAddressDoesNotForgiveAnotherAddressesFailures() {
        String username = AuthApi.unique("contested");
        AuthApi.createUser(username, List.of("staff"), null);
        String attacker = AuthApi.freshAddress();
        for (int i = 0; i < 4; i++) {
            AuthApi.login(username, "guess-" + i, attacker).then().statusCode(401);
        }
        // the real user signs in from elsewhere: only that address's attempt is forgiven
        AuthApi.login(username, PASSWORD, AuthApi.freshAddress()).then().statusCode(200);
        // so the attacker's fifth guess is the account's fifth attempt, and the sixth waits
        AuthApi.login(username, "guess-4", attacker).then().statusCode(401);
        AuthApi.login(username, "guess-5", attacker).then().statusCode(429);
        // which the real user then shares (docs/security.md: the trade-off of a per-account counter)
        AuthApi.login(username, PASSWORD, AuthApi.freshAddress()).then().statusCode(429);
    }

    private double passwordChecks() {
        return registry.counter("auth.login.password.checks").count();
    }
}
