package com.clinicsuite.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clinicsuite.auth.config.AuthConfig;
import com.clinicsuite.auth.repository.LoginAttemptCounters;
import com.clinicsuite.auth.service.LoginThrottle;
import com.clinicsuite.auth.service.LoginThrottledException;
import com.clinicsuite.testkit.SuiteInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The back-off rules against the real login_throttle table, with a clock under the test's control (no sleeping):
 * free attempts, then waits that double up to the cap, refusals that do not lengthen a wait, counters forgotten
 * after the window.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class LoginBackoffTest {

    @Inject
    LoginAttemptCounters counters;

    private final MovableClock clock = new MovableClock();
    private LoginThrottle throttle;

    @Test
    void waitsDoubleUpToTheCapAndRefusalsDoNotLengthenThem() {
        throttle = throttle(3, Duration.ofSeconds(30), Duration.ofMinutes(2));
        String user = AuthApi.unique("backoff");
        for (int i = 0; i < 3; i++) {
            allowed(user, AuthApi.freshAddress());
        }
        assertThat(refusedFor(user)).isEqualTo(30);
        clock.advance(Duration.ofSeconds(10));
        assertThat(refusedFor(user)).isEqualTo(20);
        clock.advance(Duration.ofSeconds(20));
        allowed(user, AuthApi.freshAddress()); // the 4th: next wait 60 s
        for (int i = 0; i < 50; i++) {
            refusedFor(user); // a stranger hammering does not push the next slot back
        }
        clock.advance(Duration.ofSeconds(59));
        assertThat(refusedFor(user)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        allowed(user, AuthApi.freshAddress()); // the 5th: 120 s, the cap
        clock.advance(Duration.ofSeconds(120));
        allowed(user, AuthApi.freshAddress()); // the 6th: 240 s capped to 120 s
        assertThat(refusedFor(user)).isEqualTo(120);
    }

    @Test
    void aCounterIsForgottenOneWindowAfterItsLastWaitEnded() {
        throttle = throttle(2, Duration.ofSeconds(30), Duration.ofMinutes(15));
        String user = AuthApi.unique("forgotten");
        allowed(user, AuthApi.freshAddress());
        allowed(user, AuthApi.freshAddress());
        assertThat(refusedFor(user)).isEqualTo(30);
        clock.advance(Duration.ofSeconds(30).plus(Duration.ofMinutes(15)).minusSeconds(1));
        allowed(user, AuthApi.freshAddress()); // still remembered: the 3rd attempt waits 60 s after it
        assertThat(refusedFor(user)).isEqualTo(60);
        clock.advance(Duration.ofSeconds(60).plus(Duration.ofMinutes(15)));
        allowed(user, AuthApi.freshAddress()); // forgotten: free attempts again
        allowed(user, AuthApi.freshAddress());
        assertThat(refusedFor(user)).isEqualTo(30);
    }

    private void allowed(String user, String address) {
        assertThatCode(() -> throttle.beforePasswordCheck(user, address).await().indefinitely())
                .doesNotThrowAnyException();
    }

    /** Answers the Retry-After of a refused attempt (from an address never seen before). */
    private long refusedFor(String user) {
        LoginThrottledException refused = catchThrowableOfType(
                LoginThrottledException.class,
                () -> throttle.beforePasswordCheck(user, AuthApi.freshAddress())
                        .await()
                        .indefinitely());
        assertThat(refused).as("refused").isNotNull();
        return refused.retryAfterSeconds();
    }

    private LoginThrottle throttle(int perAccount, Duration firstWait, Duration maxWait) {
        AuthConfig.Lockout lockout = new AuthConfig.Lockout() {
            public int maxFailuresPerUsername() {
                return perAccount;
            }

            public int maxFailuresPerAddress() {
                return 1000;
            }

            public Duration firstWait() {
                return firstWait;
            }

            public Duration maxWait() {
                return maxWait;
            }

            public Duration window() {
                return Duration.ofMinutes(15);
            }
        };
        return new LoginThrottle(counters, TestAuthConfig.lockout(lockout), clock, new SimpleMeterRegistry());
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
