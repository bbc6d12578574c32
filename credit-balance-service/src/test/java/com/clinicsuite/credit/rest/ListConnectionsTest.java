package com.clinicsuite.credit.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A list request holds at most one connection of the pool at a time: its change version (SQL client) and its count
 * (a session of its own, on a cache miss) each borrow one for their statement, and the request's own session is opened
 * for the page only. Were the session opened first and held, as many concurrent requests as the pool has connections
 * would each hold one and wait for another that none gives back. Three times the pool's size in concurrent searches,
 * half of them never counted before, all answer 200 with their exact X-Total-Count.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ListConnectionsTest {

    @TestHTTPResource("/credit-balances/")
    URI list;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size")
    int poolSize;

    @Test
    void concurrentListRequestsBeyondThePoolSizeAllAnswer() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String token = TestTokens.admin();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 3 * poolSize; i++) {
            String term = i % 2 == 0 ? "zz" + UUID.randomUUID().toString().substring(0, 8) : "botox";
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(list + "?limit=1&search=" + URLEncoder.encode(term, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60))
                    .GET()
                    .build();
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse<String> answer = answers.get(i).get();
            assertThat(answer.statusCode())
                    .as("request %d: %s", i, answer.body())
                    .isEqualTo(200);
            if (i % 2 == 0) {
                assertThat(answer.headers().firstValue("X-Total-Count")).hasValue("0");
            } else {
                assertThat(answer.headers().firstValue("X-Total-Count")).isPresent();
            }
        }
    }
}
