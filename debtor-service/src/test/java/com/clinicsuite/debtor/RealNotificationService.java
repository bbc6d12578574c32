package com.clinicsuite.debtor;

import com.clinicsuite.testkit.ServiceProcess;
import io.restassured.RestAssured;
import java.util.Map;

/**
 * The real notification-service for this module's tests: its fast-jar run by the test kit's {@link ServiceProcess}
 * against the same PostgreSQL (a database of its own), Kafka and JWT key, at the address this debtor-service is
 * configured with ({@code testkit.services.notification-service.url}). Every test starts it the same way; it then
 * stays up for the module's tests. Two settings keep it from disturbing the other tests, which play
 * notification-service's part by publishing its events themselves: its outbox is not relayed (its
 * {@code ChannelConfigured} never reaches this service's view, so what a test proves came from asking it), and it
 * reads its reminders from a topic nobody writes (this module's reminders stay {@code queued}).
 */
final class RealNotificationService {

    /** A throwaway AES key for provider secrets at rest (it protects nothing real). */
    private static final String SECRETS_KEY = "NrBU3Ag62nMzS0coiZe/HPN5Rivvhj7iN+vsnTnWLKs=";

    private RealNotificationService() {}

    static ServiceProcess start() {
        return ServiceProcess.of("notification-service")
                .start(Map.of(
                        "notification.secrets.key",
                        SECRETS_KEY,
                        // it asks this debtor-service for a debtor's reminder content (template preview by debtor_id)
                        "quarkus.rest-client.debtor-service.url",
                        "http://localhost:" + RestAssured.port,
                        "outbox.relay.enabled",
                        "false",
                        "mp.messaging.incoming.reminders.topic",
                        "testkit.unused.debtors.reminders"));
    }
}
