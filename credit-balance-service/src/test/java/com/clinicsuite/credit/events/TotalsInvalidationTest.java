package com.clinicsuite.credit.events;

import static org.awaitility.Awaitility.await;

import com.clinicsuite.credit.service.TotalsCache;
import com.clinicsuite.events.Topics;
import com.clinicsuite.testkit.EventPublisher;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.8: a balance change or an applied import on another replica drops this replica's cached stats totals when
 * its event arrives (TotalsChangeListener), not only after the cache's expiry. "Another replica" is played by events
 * sent straight to the service's own topics; the cache's generation moves when it is dropped.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class TotalsInvalidationTest {

    @Inject
    TotalsCache totals;

    @Test
    void aBalanceEventFromAnotherReplicaDropsTheCachedTotals() {
        droppedBy(Topics.CREDIT_BALANCES, "credit.balance-updated.v1", "{\"id\":1}");
    }

    @Test
    void anImportResultFromAnotherReplicaDropsTheCachedTotals() {
        droppedBy(Topics.CREDIT_IMPORT_RESULTS, "credit.import-result.v1", "{\"import_id\":\"x\"}");
    }

    /**
     * The listener's group is new and starts at the latest offset, so the event is sent again on each check until
     * the listener, once it has joined, receives one.
     */
    private void droppedBy(String topic, String type, String payload) {
        long before = totals.generation();
        try (EventPublisher publisher = new EventPublisher()) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        publisher.sendRaw(
                                topic, type, "1", payload, UUID.randomUUID().toString());
                        return totals.generation() > before;
                    });
        }
    }
}
