package com.clinicsuite.imports.debtors.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-memory wake-up of the upload request waiting for debtor-service's answer about its report. */
class ProcessingNotifierTest {

    @Test
    void aSignalWakesTheUploadWaitingForItsReport() throws Exception {
        ProcessingNotifier notifier = new ProcessingNotifier();
        ProcessingNotifier.Wake waiting = notifier.register("report-1");
        CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> {
            try {
                return waiting.await(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(notifier.signal("report-1")).isTrue();

        assertThat(woken.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSignalBeforeTheWaitIsKeptAndSignalsTakenTogether() throws Exception {
        ProcessingNotifier notifier = new ProcessingNotifier();
        ProcessingNotifier.Wake waiting = notifier.register("report-3");

        // the waker's and the consumer's signal, both before the request waits
        notifier.signal("report-3");
        notifier.signal("report-3");

        assertThat(waiting.await(Duration.ZERO)).isTrue();
        assertThat(waiting.await(Duration.ofMillis(50)))
                .as("both taken by the first wait")
                .isFalse();
    }

    @Test
    void aSignalForAReportNobodyWaitsForHereWakesNobody() throws Exception {
        ProcessingNotifier notifier = new ProcessingNotifier();
        ProcessingNotifier.Wake waiting = notifier.register("report-4");

        assertThat(notifier.signal("report-of-another-instance")).isFalse();

        notifier.forget("report-4");
        assertThat(notifier.signal("report-4")).as("forgotten once answered").isFalse();
        assertThat(waiting.await(Duration.ofMillis(50))).isFalse();
    }

    @Test
    void anEventWithoutAReportIdWakesNobodyAndDoesNotThrow() throws Exception {
        // what a debtors.report-movement.v1 read as an answer looked like: it threw on the consumer's thread and
        // stopped the channel (deploy/chaos/FINDINGS.md, finding 1)
        ProcessingNotifier notifier = new ProcessingNotifier();
        ProcessingNotifier.Wake waiting = notifier.register("report-2");

        assertThatCode(() -> notifier.signal(null)).doesNotThrowAnyException();
        assertThat(notifier.signal(null)).isFalse();
        assertThat(waiting.await(Duration.ofMillis(50))).isFalse();
    }
}
