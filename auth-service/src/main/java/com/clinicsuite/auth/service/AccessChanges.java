package com.clinicsuite.auth.service;

import com.clinicsuite.auth.repository.UserAccount;
import com.clinicsuite.events.EventCatalog;
import com.clinicsuite.events.auth.UserAccessChanged;
import com.clinicsuite.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Ends every token a user holds when what they may do changes. The user's {@code access_changed_at} moves to the
 * instant of the change (millisecond precision, strictly increasing per user) and {@code auth.user-access-changed.v1}
 * announces it, in the caller's transaction; platform-security then refuses, in every service, the user's tokens
 * whose {@code access_version} claim (the value this user had when the token was signed) is older.
 * <p>
 * Exact where a time comparison would not be: a token signed in the same millisecond as a change, or from access
 * read just before a concurrent change committed, carries the old value and is refused; a token signed from the
 * changed access carries the new one. (The user row is read before the grants when a token is issued, see
 * {@link UserAccessQueries#access}.)
 */
@ApplicationScoped
public class AccessChanges {

    private final Outbox outbox;
    private final Clock clock;

    public AccessChanges(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The value of a new user: now, to the millisecond. */
    public OffsetDateTime initial() {
        return now();
    }

    /** Records that the access of this (managed) user changed now, for these reasons, and announces it. */
    public Uni<Void> changed(UserAccount user, List<String> reasons) {
        OffsetDateTime now = now();
        OffsetDateTime previous = user.accessChangedAt;
        // strictly later than the previous value even if the clock went back: tokens of that value must end too
        user.accessChangedAt = previous == null || now.isAfter(previous) ? now : previous.plus(1, ChronoUnit.MILLIS);
        return outbox.publish(
                        EventCatalog.USER_ACCESS_CHANGED,
                        user.id.toString(),
                        new UserAccessChanged(user.id, user.accessChangedAt.toInstant(), List.copyOf(reasons)))
                .replaceWithVoid();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
