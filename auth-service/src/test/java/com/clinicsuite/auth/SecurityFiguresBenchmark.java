package com.clinicsuite.auth;

import static com.clinicsuite.auth.AuthApi.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.testkit.SuiteInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Figures for docs/security.md, printed, not asserted on time (run by bench/security-figures.sh; the name keeps it
 * out of the normal test run): the time from a grant's removal to the first refused request, and how many of N
 * parallel password guesses for one account are evaluated. Real PostgreSQL and Kafka from the test kit, the service
 * in the test JVM with the test settings (bcrypt cost 8, outbox relay every 0.2 s).
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class SecurityFiguresBenchmark {

    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/login")
    URL login;

    @Test
    void printTheFigures() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 20);
        consumerReadsTheTopic();
        revocationLatency(rounds);
        for (int guesses : new int[] {40, 100}) {
            parallelGuesses(guesses);
        }
    }

    /** From the answer of DELETE .../pharmacies/{id} to the first 401 of a request polling every 10 ms. */
    private void revocationLatency(int rounds) {
        long pharmacyId = AuthApi.createPharmacy("Bench Pharmacy");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            String username = AuthApi.unique("bench");
            long userId = AuthApi.createUser(username, List.of(), null);
            AuthApi.grant(userId, pharmacyId, true, false);
            String token = AuthApi.token(username, PASSWORD);
            me(token); // verified once: the next uses come from the verified-token cache, as in steady use
            String admin = AuthApi.adminToken();
            given().auth()
                    .oauth2(admin)
                    .when()
                    .delete("/admin/users/" + userId + "/pharmacies/" + pharmacyId)
                    .then()
                    .statusCode(204);
            long removed = System.nanoTime();
            await().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> me(token) == 401);
            millis.add((System.nanoTime() - removed) / 1_000_000);
        }
        Collections.sort(millis);
        System.out.printf(
                "=== grant removal to first refused request (%d rounds, poll 10 ms): min %d ms, median %d ms,"
                        + " p90 %d ms, max %d ms%n",
                rounds,
                millis.get(0),
                millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.9) - 1),
                millis.get(millis.size() - 1));
    }

    private void parallelGuesses(int guesses) throws Exception {
        String username = AuthApi.unique("guessed");
        AuthApi.createUser(username, List.of("staff"), null);
        double before = registry.counter("auth.login.password.checks").count();
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            answers.add(client.sendAsync(
                    HttpRequest.newBuilder(URI.create(login.toString()))
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", AuthApi.freshAddress())
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"" + username + "\",\"password\":\"guess-" + i + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int throttled = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            if (answer.get().statusCode() == 429) {
                throttled++;
            }
        }
        long evaluated =
                Math.round(registry.counter("auth.login.password.checks").count() - before);
        System.out.printf(
                "=== %d parallel guesses for one account from %d addresses: %d passwords evaluated, %d answered 429%n",
                guesses, guesses, evaluated, throttled);
    }

    private static int me(String token) {
        return given().auth().oauth2(token).when().get("/users/me").statusCode();
    }

    /** On a fresh broker auth.users appears only once the application subscribed: wait until it reads it. */
    private static void consumerReadsTheTopic() {
        String username = AuthApi.unique("probe");
        long userId = AuthApi.createUser(username, List.of("staff"), "GK2");
        String token = AuthApi.token(username, PASSWORD);
        given().auth()
                .oauth2(AuthApi.adminToken())
                .contentType("application/json")
                .body(Map.of("center", "PB"))
                .when()
                .put("/admin/users/" + userId)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(90)).until(() -> me(token) == 401);
        assertThat(me(token)).isEqualTo(401);
    }
}
