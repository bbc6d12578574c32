package com.clinicsuite.web.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Histogram buckets for every service's HTTP server timer ({@code http.server.requests}, Quarkus' Micrometer HTTP
 * binder), so Prometheus gets {@code http_server_requests_seconds_bucket} and the dashboard's p99 panels and the
 * {@code ClinicSuiteHighLatency} alert ({@code histogram_quantile(0.99, ...) > 2}) have something to read. Without
 * it the timer exposes only count, sum and max, and every p99 query is empty.
 * <p>
 * Fixed buckets rather than Micrometer's percentiles histogram (~70 buckets per series, times every uri, method and
 * status): {@link #BOUNDARIES}, 14 boundaries plus +Inf, with 2 s exactly on one so the alert's threshold is read
 * exactly, and up to the gateway's 120 s upload timeout.
 */
@Singleton
public class HttpServerHistograms {

    /** The timer Quarkus records every HTTP request in (Prometheus: http_server_requests_seconds). */
    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    /** Bucket upper bounds. */
    public static final Duration[] BOUNDARIES = Stream.of(
                    5L, 10L, 25L, 50L, 100L, 250L, 500L, 1_000L, 2_000L, 5_000L, 10_000L, 30_000L, 60_000L, 120_000L)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    @Produces
    @Singleton
    public MeterFilter httpServerBuckets() {
        double[] nanos = Stream.of(BOUNDARIES).mapToDouble(Duration::toNanos).toArray();
        DistributionStatisticConfig buckets = DistributionStatisticConfig.builder()
                .serviceLevelObjectives(nanos)
                .build();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return HTTP_SERVER_REQUESTS.equals(id.getName()) ? buckets.merge(config) : config;
            }
        };
    }
}
