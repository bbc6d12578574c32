package com.clinicsuite.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;
import org.hibernate.LockMode;

/**
 * One replica at a time for scheduled work: the lock is a row of {@code outbox_relay_lock} (the relay's own row is
 * {@link #RELAY}; a service's migration adds one row per job), taken with {@code SELECT ... FOR UPDATE SKIP LOCKED}
 * through Hibernate's {@link LockMode#UPGRADE_SKIPLOCKED} ({@code WITH (UPDLOCK, ROWLOCK, READPAST)} on SQL Server:
 * the dialect is Hibernate's, no SQL of our own). A replica that finds the row held skips the run; the lock ends with
 * the transaction whatever happens (commit, rollback, a lost connection), so a crashed holder never blocks the job.
 * <p>
 * The one implementation of "on one replica at a time" in the suite: the outbox relay and every watchdog use it. The
 * lock decides who works; the work itself still writes conditionally ({@code WHERE status = 'processing' AND ...}),
 * so even two holders one after the other cannot end the same operation twice.
 */
public final class JobLock {

    /** The outbox relay's row (migration V0_1 of the platform). */
    public static final int RELAY = 1;

    private JobLock() {}

    /**
     * Whether this transaction now holds job lock {@code id} (false: another replica holds it). Must run inside a
     * Panache transaction; fails when the row does not exist (a missing migration would otherwise skip the job
     * silently forever).
     */
    public static Uni<Boolean> tryHold(int id) {
        return Panache.getSession()
                .chain(session -> session.find(RelayLock.class, id, LockMode.UPGRADE_SKIPLOCKED)
                        .chain(lock -> lock != null
                                ? Uni.createFrom().item(true)
                                // skipped: held by another transaction, or missing (a plain read tells which)
                                : session.find(RelayLock.class, id).map(row -> {
                                    if (row == null) {
                                        throw new IllegalStateException(
                                                "outbox_relay_lock has no row " + id + ": a migration is missing");
                                    }
                                    session.detach(row);
                                    return false;
                                })));
    }

    /**
     * Runs {@code work} in one transaction that holds job lock {@code id}; {@code skipped} when another replica holds
     * it. Everything {@code work} writes commits or rolls back with the lock.
     */
    public static <T> Uni<T> inTransaction(int id, Supplier<Uni<T>> work, T skipped) {
        return Panache.withTransaction(() ->
                tryHold(id).chain(held -> held ? work.get() : Uni.createFrom().item(skipped)));
    }
}
