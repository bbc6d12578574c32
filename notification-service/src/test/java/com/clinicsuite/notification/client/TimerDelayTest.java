package com.clinicsuite.notification.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimerDelayTest {

    @Test
    void waitsAreRoundedUpToWholeMillisecondsAndNothingToWaitIsNoTimer() {
        assertThat(TimerDelay.timerDuration(Duration.ofNanos(300_000))).isEqualTo(Duration.ofMillis(1));
        assertThat(TimerDelay.timerDuration(Duration.ofNanos(1_000_001))).isEqualTo(Duration.ofMillis(2));
        assertThat(TimerDelay.timerDuration(Duration.ofMillis(50))).isEqualTo(Duration.ofMillis(50));
        assertThat(TimerDelay.timerDuration(Duration.ZERO)).isZero();
        assertThat(TimerDelay.timerDuration(Duration.ofNanos(-5))).isZero();
    }

    @Test
    void aSubMillisecondWaitIsOneVertxCanSchedule() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            // what failed reminders in the benchmark: Quarkus hands Mutiny's delay to a Vert.x timer in whole ms
            assertThatThrownBy(() -> vertx.setTimer(Duration.ofNanos(300_000).toMillis(), id -> {}))
                    .isInstanceOf(IllegalArgumentException.class);
            CompletableFuture<Long> fired = new CompletableFuture<>();
            vertx.setTimer(TimerDelay.timerDuration(Duration.ofNanos(300_000)).toMillis(), fired::complete);
            assertThat(fired.get(5, TimeUnit.SECONDS)).isNotNull();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }
}
