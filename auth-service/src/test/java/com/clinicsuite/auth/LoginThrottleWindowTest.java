package com.clinicsuite.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicsuite.auth.config.AuthConfig;
import com.clinicsuite.auth.service.LoginThrottle;
import com.clinicsuite.auth.service.LoginThrottledException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lockout window ends on time (a clock under the test's control, no sleeping). */
class LoginThrottleWindowTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-01-15T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aLockedUsernameIsFreedWhenItsWindowEnds() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(config(3, 100, Duration.ofMinutes(15)), clock);
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("alice", "10.0.0." + i);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThatThrownBy(() -> throttle.checkAllowed("ALICE", "10.0.0.9"))
                .isInstanceOfSatisfying(
                        LoginThrottledException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.retryAfterSeconds())
                                .isEqualTo(60));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThatCode(() -> throttle.checkAllowed("alice", "10.0.0.9")).doesNotThrowAnyException();
    }

    private static AuthConfig config(int perUser, int perAddress, Duration window) {
        AuthConfig.Lockout lockout = new AuthConfig.Lockout() {
            public int maxFailuresPerUsername() {
                return perUser;
            }

            public int maxFailuresPerAddress() {
                return perAddress;
            }

            public Duration window() {
                return window;
            }
        };
        return new AuthConfig() {
            public Token token() {
                return null;
            }

            public Refresh refresh() {
                return null;
            }

            public Keys keys() {
                return null;
            }

            public Password password() {
                return null;
            }

            public Lockout lockout() {
                return lockout;
            }

            public BootstrapAdmin bootstrapAdmin() {
                return new BootstrapAdmin() {
                    public Optional<String> username() {
                        return Optional.empty();
                    }

                    public Optional<String> password() {
                        return Optional.empty();
                    }

                    public Optional<String> email() {
                        return Optional.empty();
                    }
                };
            }
        };
    }
}
