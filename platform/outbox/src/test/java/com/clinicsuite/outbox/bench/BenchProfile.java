package com.clinicsuite.outbox.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The platform's production relay settings (not the tests' small batches), and the probe's channel. */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "outbox.relay.batch-size", System.getProperty("bench.batch-size", "2000"),
                "outbox.relay.max-attempts", "10",
                "outbox.max-payload-size", "900K",
                "outbox.cleanup.batch-size", "5000",
                "mp.messaging.incoming.bench-business.enabled", "true",
                "mp.messaging.incoming.bench-business.topic", "bench.business",
                "quarkus.log.category.\"com.clinicsuite\".level", "WARN");
    }
}
