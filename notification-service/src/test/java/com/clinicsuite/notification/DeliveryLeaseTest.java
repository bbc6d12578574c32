package com.clinicsuite.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.notification.service.DeliveryDispatcher;
import com.clinicsuite.notification.support.ProviderStubs;
import com.clinicsuite.notification.support.TestData;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.6: a delivery in {@code sending} is claimed with a lease its sender renews while it sends. Another claimer
 * (the failInterrupted sweep of a second replica) fails only deliveries whose lease passed: never a slow send that is
 * still going, always one whose sender died. Lease 3 s in tests (heartbeat every second).
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class DeliveryLeaseTest {

    private static final WireMock STUBS = ProviderStubs.client();

    @Inject
    DeliveryDispatcher dispatcher;

    @Test
    void aSendLongerThanTheLeaseIsRenewedAndNotFailedByAnotherReplica() {
        long pharmacy = sendGridPharmacy();
        String scenario = "slow-" + pharmacy;
        // two answers "come back in 2 s" before the accept: the send takes > 4 s, longer than the 3 s lease
        STUBS.register(post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo("Bearer " + apiKey(pharmacy)))
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("busy")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")));
        STUBS.register(post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo("Bearer " + apiKey(pharmacy)))
                .inScenario(scenario)
                .whenScenarioStateIs("busy")
                .willSetStateTo("ready")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")));
        STUBS.register(post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo("Bearer " + apiKey(pharmacy)))
                .inScenario(scenario)
                .whenScenarioStateIs("ready")
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "slow-" + pharmacy)));
        ReminderRequested reminder = TestData.reminder(pharmacy, "email", "slow." + pharmacy + "@debtors.example");
        TestData.publish(reminder);

        await().atMost(Duration.ofSeconds(30)).until(() -> "sending".equals(status(reminder)));
        assertThat(TestData.scalar("select claimed_by from delivery where reminder_id = ?", reminder.reminderId()))
                .isEqualTo(dispatcher.instanceId());
        OffsetDateTime firstLease = lease(reminder);
        assertThat(firstLease).isNotNull();

        // the other replica's sweep runs while the send goes on; the heartbeat keeps the lease ahead of it
        AtomicReference<OffsetDateTime> latestLease = new AtomicReference<>(firstLease);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    otherReplicaSweeps();
                    OffsetDateTime lease = lease(reminder);
                    if (lease != null && lease.isAfter(latestLease.get())) {
                        latestLease.set(lease);
                    }
                    return !"sending".equals(status(reminder));
                });
        assertThat(status(reminder)).isEqualTo("sent");
        assertThat(TestData.delivery(reminder.reminderId()).externalId()).isEqualTo("slow-" + pharmacy);
        assertThat(latestLease.get()).as("the lease was renewed while sending").isAfter(firstLease);
        assertThat(TestData.scalar("select lease_until from delivery where reminder_id = ?", reminder.reminderId()))
                .as("no lease once finished")
                .isNull();
    }

    @Test
    void onlyADeliveryWhoseLeasePassedIsFailedAsInterrupted() {
        long pharmacy = sendGridPharmacy();
        STUBS.register(post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo("Bearer " + apiKey(pharmacy)))
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "ok-" + pharmacy)));
        ReminderRequested alive = TestData.reminder(pharmacy, "email", "alive." + pharmacy + "@debtors.example");
        ReminderRequested dead = TestData.reminder(pharmacy, "email", "dead." + pharmacy + "@debtors.example");
        TestData.publish(alive);
        TestData.publish(dead);
        await().atMost(Duration.ofSeconds(30)).until(() -> "sent".equals(status(alive)) && "sent".equals(status(dead)));
        // as two other replicas left them: one still sending (lease ahead), one crashed mid-send (lease passed)
        TestData.execute(
                "update delivery set status = 'sending', claimed_by = 'replica-b', lease_until = now() + interval"
                        + " '1 minute', updated_at = now() - interval '1 day' where reminder_id = ?",
                alive.reminderId());
        TestData.execute(
                "update delivery set status = 'sending', claimed_by = 'replica-c', lease_until = now() - interval"
                        + " '1 second' where reminder_id = ?",
                dead.reminderId());

        otherReplicaSweeps();

        assertThat(status(dead)).isEqualTo("failed");
        assertThat(TestData.delivery(dead.reminderId()).error()).startsWith("Interrupted while sending");
        assertThat(status(alive)).as("its sender still holds the lease").isEqualTo("sending");
        TestData.execute("update delivery set status = 'sent' where reminder_id = ?", alive.reminderId());
    }

    private void otherReplicaSweeps() {
        try {
            VertxContextSupport.subscribeAndAwait(dispatcher::failInterrupted);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(ReminderRequested reminder) {
        TestData.Row row = TestData.delivery(reminder.reminderId());
        return row == null ? null : row.status();
    }

    private static OffsetDateTime lease(ReminderRequested reminder) {
        String text = TestData.scalar(
                "select to_char(lease_until at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from delivery"
                        + " where reminder_id = ?",
                reminder.reminderId());
        return text == null ? null : OffsetDateTime.parse(text);
    }

    private static long sendGridPharmacy() {
        long pharmacy = TestData.newPharmacyId();
        Map<String, Object> settings = TestData.smtpSettings();
        settings.put("email_provider", "sendgrid");
        settings.put("sendgrid_api_key", apiKey(pharmacy));
        TestData.configure(pharmacy, settings);
        return pharmacy;
    }

    private static String apiKey(long pharmacy) {
        return "SG.lease-key-" + pharmacy + "-abcdefgh";
    }
}
