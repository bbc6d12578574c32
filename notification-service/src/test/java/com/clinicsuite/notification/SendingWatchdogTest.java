package com.clinicsuite.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicsuite.events.debtors.ReminderRequested;
import com.clinicsuite.notification.repository.DeliveryRepository;
import com.clinicsuite.notification.service.SendingWatchdog;
import com.clinicsuite.notification.support.ProviderStubs;
import com.clinicsuite.notification.support.TestData;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 18.2: a delivery whose sender is alive (its lease renewed) but never finishes is ended by
 * {@link SendingWatchdog} after {@code notification.watchdog.sending-timeout}: failed, timed out, its status published
 * once, even when two runs meet; the sender's heartbeat no longer renews it afterwards.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class SendingWatchdogTest {

    private static final WireMock STUBS = ProviderStubs.client();
    private static final Duration LATER = Duration.ofMinutes(16);

    @Inject
    SendingWatchdog watchdog;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    MeterRegistry registry;

    @Test
    void aDeliveryStillSendingPastTheBoundIsFailedOnceAndItsHeartbeatNoLongerRenewsIt() throws Throwable {
        long pharmacy = TestData.newPharmacyId();
        Map<String, Object> settings = TestData.smtpSettings();
        settings.put("email_provider", "sendgrid");
        settings.put("sendgrid_api_key", "SG.watchdog-key-" + pharmacy + "-abcdefgh");
        TestData.configure(pharmacy, settings);
        STUBS.register(post(urlEqualTo("/v3/mail/send"))
                .withHeader("Authorization", equalTo("Bearer SG.watchdog-key-" + pharmacy + "-abcdefgh"))
                .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "wd-" + pharmacy)));
        ReminderRequested hung = TestData.reminder(pharmacy, "email", "hung." + pharmacy + "@debtors.example");
        TestData.publish(hung);
        await().atMost(Duration.ofSeconds(30)).until(() -> "sent".equals(status(hung)));
        // as a live replica leaves it while its provider call hangs: claimed, lease renewed, claim 5 minutes old
        TestData.execute(
                "update delivery set status = 'sending', claimed_by = 'replica-b', lease_until = now() + interval"
                        + " '1 minute', updated_at = now() - interval '5 minutes' where reminder_id = ?",
                hung.reminderId());

        run(Instant.now());
        assertThat(status(hung)).as("within the bound it is left alone").isEqualTo("sending");

        double before = ended();
        CompletableFuture<Integer> first =
                CompletableFuture.supplyAsync(() -> run(Instant.now().plus(LATER)));
        CompletableFuture<Integer> second =
                CompletableFuture.supplyAsync(() -> run(Instant.now().plus(LATER)));
        int ended = first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS);
        assertThat(ended).isGreaterThanOrEqualTo(1);
        assertThat(ended() - before).isEqualTo(ended);

        assertThat(status(hung)).isEqualTo("failed");
        assertThat(TestData.delivery(hung.reminderId()).error()).startsWith("Timed out while sending");
        assertThat(failedEvents(pharmacy, hung)).as("its status published once").isEqualTo(1);

        // the live sender's heartbeat comes: it no longer renews an ended delivery
        long id = Long.parseLong(TestData.scalar("select id from delivery where reminder_id = ?", hung.reminderId()));
        int renewed = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> deliveries.renewLease(
                List.of(id), "replica-b", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1))));
        assertThat(renewed).isZero();
        assertThat(status(hung)).isEqualTo("failed");
        run(Instant.now().plus(LATER));
        assertThat(failedEvents(pharmacy, hung)).isEqualTo(1);
    }

    private int run(Instant now) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> watchdog.endOverdue(now));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private double ended() {
        var counter =
                registry.find("watchdog_ended").tag("state", "delivery_sending").counter();
        return counter == null ? 0 : counter.count();
    }

    private static long failedEvents(long pharmacy, ReminderRequested reminder) {
        return Long.parseLong(TestData.scalar(
                "select count(*) from outbox_event where aggregate_key = ? and payload like ?"
                        + " and payload like '%\"status\":\"failed\"%' and payload like '%Timed out while sending%'",
                Long.toString(pharmacy), "%" + reminder.reminderId() + "%"));
    }

    private static String status(ReminderRequested reminder) {
        TestData.Row row = TestData.delivery(reminder.reminderId());
        return row == null ? null : row.status();
    }
}
