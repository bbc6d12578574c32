package com.clinicsuite.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and alerts of {@code deploy/observability} query only names that exist: every metric name they read
 * has an owner in {@code deploy/observability/metrics.tsv}, and the service under test exposes, at {@code
 * /q/metrics}, every name the table gives it, right after start and one request: meters that appear only with
 * their first event or failure would leave a panel empty and an {@code increase() > 0} alert blind to the first one.
 * The p99 panels and the latency alert read HTTP server histogram buckets, which exist after a request, with a bucket
 * boundary on the alert's 2 s. A service test extends this class with
 * {@code @QuarkusTest @WithTestResource(SuiteInfrastructure.class)}.
 */
public abstract class ObservabilityMetricsContract {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Path repo = ObservabilityQueries.repositoryRoot();

    private static String service() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    @Test
    void everyQueriedMetricHasAnOwnerAndEveryOwnerIsQueried() {
        Map<String, Set<String>> queried = ObservabilityQueries.queriedNames(repo);
        Map<String, ObservabilityQueries.Owner> owners = ObservabilityQueries.owners(repo);
        assertThat(queried)
                .as("metric names in deploy/observability")
                .containsKey("http_server_requests_seconds_bucket");

        Set<String> unowned = queried.keySet().stream()
                .filter(name -> !owners.containsKey(ObservabilityQueries.family(name)))
                .map(name -> name + " (" + String.join(", ", queried.get(name)) + ")")
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unowned)
                .as("queried by deploy/observability but owned by no service in %s", ObservabilityQueries.TABLE)
                .isEmpty();

        Set<String> families =
                queried.keySet().stream().map(ObservabilityQueries::family).collect(Collectors.toSet());
        assertThat(owners.keySet().stream().filter(metric -> !families.contains(metric)))
                .as("rows of %s that nothing in deploy/observability queries", ObservabilityQueries.TABLE)
                .isEmpty();

        Set<String> unknownServices = owners.values().stream()
                .flatMap(owner -> owner.services().stream())
                .filter(name -> !Files.isRegularFile(repo.resolve(name).resolve("pom.xml")))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unknownServices)
                .as("owners in %s that are no module", ObservabilityQueries.TABLE)
                .isEmpty();
    }

    @Test
    void exposesEveryQueriedMetricItOwns() {
        String service = service();
        Map<String, ObservabilityQueries.Owner> owners = ObservabilityQueries.owners(repo);
        Set<String> expected = ObservabilityQueries.queriedNames(repo).keySet().stream()
                .filter(name -> {
                    ObservabilityQueries.Owner owner = owners.get(ObservabilityQueries.family(name));
                    return owner != null && owner.ownedBy(service);
                })
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(expected)
                .as("what %s owns", service)
                .contains("http_server_requests_seconds_count", "outbox_backlog");

        // one application request, so the HTTP server timer has a series (Quarkus leaves /q/* out of it)
        given().when().get("/observability-contract-probe").then().statusCode(404);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(exposedNames())
                        .as("%s's /q/metrics, for the names deploy/observability/metrics.tsv gives it", service)
                        .containsAll(expected));
    }

    @Test
    void latencyQueriesReadHistogramBucketsThatExist() {
        for (ObservabilityQueries.Query query : ObservabilityQueries.queries(repo)) {
            if (query.expr().contains("histogram_quantile")) {
                assertThat(ObservabilityQueries.metricNames(query.expr()))
                        .as("%s: %s", query.file(), query.expr())
                        .allMatch(name -> name.endsWith("_bucket"));
            }
        }
        given().when().get("/observability-contract-probe").then().statusCode(404);
        await().atMost(WAIT).untilAsserted(() -> {
            String metrics = scrape();
            assertThat(metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_bucket{")))
                    .as("HTTP server histogram buckets (platform-web HttpServerHistograms)")
                    .anyMatch(line -> line.contains("le=\"2.0\""))
                    .anyMatch(line -> line.contains("le=\"0.005\""))
                    .anyMatch(line -> line.contains("le=\"+Inf\""));
        });
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample names of the Prometheus text (what PromQL selects: counters with _total, histograms' _bucket ...). */
    private static Set<String> exposedNames() {
        return scrape().lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
