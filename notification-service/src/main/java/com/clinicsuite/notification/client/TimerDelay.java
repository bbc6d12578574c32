package com.clinicsuite.notification.client;

import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * Waits on a Vert.x timer. Vert.x timers count whole milliseconds and refuse a delay under 1 ms with an
 * IllegalArgumentException (a pacing wait of a few hundred microseconds failed reminders that way), so a wait is
 * rounded up to the next millisecond; nothing to wait completes at once.
 */
public final class TimerDelay {

    private TimerDelay() {}

    public static Uni<Void> after(Duration wait) {
        Duration timer = timerDuration(wait);
        return timer.isZero()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(timer);
    }

    /** The wait as a timer takes it: zero when there is nothing to wait, else whole milliseconds, at least one. */
    static Duration timerDuration(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return Duration.ZERO;
        }
        long millis = wait.toMillis();
        return Duration.ofMillis(wait.equals(Duration.ofMillis(millis)) ? millis : millis + 1);
    }
}
