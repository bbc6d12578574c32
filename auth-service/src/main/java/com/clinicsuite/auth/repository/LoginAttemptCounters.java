package com.clinicsuite.auth.repository;

import com.clinicsuite.outbox.SqlDialect;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The {@code login_throttle} table: counters of login attempts shared by every replica, taken atomically before a
 * password is checked. Plain SQL on the reactive pool (one short transaction per login, no entities): the row lock
 * of the upsert is what makes N parallel attempts on one key count one after the other.
 * <p>
 * Every statement names its counters in the order the caller lists them (account, address, pair), so concurrent
 * logins lock rows in one order and cannot deadlock.
 */
@ApplicationScoped
public class LoginAttemptCounters {

    /** A counter to take an attempt from, and the wait it imposes once its free attempts are used. */
    public record Counter(String key, int freeAttempts, Duration firstWait, Duration maxWait) {

        /** A counter that never makes anyone wait: it only records (the account-and-address pair). */
        public static Counter recordOnly(String key) {
            return new Counter(key, Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO);
        }

        /**
         * How long after its {@code attempts}-th attempt the next one is evaluated: nothing while free attempts
         * remain, then {@code firstWait} doubling with each further attempt, at most {@code maxWait}.
         */
        public Duration waitAfter(int attempts) {
            if (attempts < freeAttempts) {
                return Duration.ZERO;
            }
            int doublings = Math.min(attempts - freeAttempts, 30);
            Duration wait = firstWait.multipliedBy(1L << doublings);
            return wait.compareTo(maxWait) > 0 ? maxWait : wait;
        }
    }

    /** An attempt that was not counted: the first counter still waiting, and until when. */
    public record Refusal(Counter counter, OffsetDateTime nextAttemptAt) {}

    /** What {@link #take} did: each counter's attempts after it (same order), or the refusal. */
    public record Taken(List<Integer> attempts, Refusal refusal) {}

    private final Pool pool;
    private final String take;
    private final String nextAttemptAt;
    private final String setWait;
    private final String attemptsOf;
    private final String forgive;
    private final String delete;
    private final String deleteExpired;

    public LoginAttemptCounters(Pool pool, SqlDialect dialect) {
        this.pool = pool;
        boolean mssql = dialect.isMssql();
        // one attempt more, unless the counter is still waiting; a counter past its expiry starts again at 1
        this.take = mssql ? """
                  MERGE login_throttle WITH (HOLDLOCK) AS t
                  USING (SELECT @p1 AS throttle_key) AS s ON t.throttle_key = s.throttle_key
                  WHEN MATCHED AND (t.expires_at <= @p2 OR t.next_attempt_at <= @p2) THEN
                    UPDATE SET attempts = CASE WHEN t.expires_at <= @p2 THEN 1 ELSE t.attempts + 1 END
                  WHEN NOT MATCHED THEN
                    INSERT (throttle_key, attempts, next_attempt_at, expires_at) VALUES (@p1, 1, @p2, @p2)
                  OUTPUT inserted.attempts;""" : """
                  INSERT INTO login_throttle AS t (throttle_key, attempts, next_attempt_at, expires_at)
                  VALUES ($1, 1, $2, $2)
                  ON CONFLICT (throttle_key) DO UPDATE
                  SET attempts = CASE WHEN t.expires_at <= $2 THEN 1 ELSE t.attempts + 1 END
                  WHERE t.expires_at <= $2 OR t.next_attempt_at <= $2
                  RETURNING attempts""";
        this.nextAttemptAt = dialect.placeholders("SELECT next_attempt_at FROM login_throttle WHERE throttle_key = $1");
        this.setWait = dialect.placeholders(
                "UPDATE login_throttle SET next_attempt_at = $2, expires_at = $3 WHERE throttle_key = $1");
        this.attemptsOf =
                dialect.placeholders("SELECT attempts FROM login_throttle WHERE throttle_key = $1 AND expires_at > $2");
        // the forgiven attempts come off; below the free attempts again, the wait ends now
        this.forgive = dialect.placeholders("""
                UPDATE login_throttle
                SET attempts = CASE WHEN attempts > $2 THEN attempts - $2 ELSE 0 END,
                    next_attempt_at = CASE WHEN attempts - $2 < $3 THEN $4 ELSE next_attempt_at END
                WHERE throttle_key = $1""");
        this.delete = dialect.placeholders("DELETE FROM login_throttle WHERE throttle_key = $1");
        this.deleteExpired = dialect.placeholders("DELETE FROM login_throttle WHERE expires_at < $1");
    }

    /**
     * Takes one attempt from each counter, all or none, in one transaction. When every counter allows it, answers
     * their new attempt counts (each counter then waits as {@link Counter#waitAfter} says and is kept {@code keep}
     * after that); else the refusal of the first counter still waiting, and nothing was counted.
     */
    public Uni<Taken> take(List<Counter> counters, OffsetDateTime now, Duration keep) {
        List<Integer> attempts = new ArrayList<>();
        return pool.withTransaction(connection -> takeFrom(connection, counters.iterator(), now, keep, attempts))
                .map(done -> new Taken(List.copyOf(attempts), null))
                .onFailure(Refused.class)
                .recoverWithItem(e -> new Taken(List.of(), ((Refused) e).refusal));
    }

    private Uni<Void> takeFrom(
            SqlConnection connection,
            Iterator<Counter> counters,
            OffsetDateTime now,
            Duration keep,
            List<Integer> attempts) {
        if (!counters.hasNext()) {
            return Uni.createFrom().voidItem();
        }
        Counter counter = counters.next();
        return connection
                .preparedQuery(take)
                .execute(Tuple.of(counter.key(), now))
                .chain(rows -> {
                    Row row = first(rows);
                    if (row == null) {
                        // still waiting: the failure rolls back what the counters before this one took
                        return connection
                                .preparedQuery(nextAttemptAt)
                                .execute(Tuple.of(counter.key()))
                                .chain(next -> Uni.createFrom()
                                        .failure(new Refused(new Refusal(
                                                counter, first(next).getOffsetDateTime("next_attempt_at")))));
                    }
                    int count = row.getInteger("attempts");
                    attempts.add(count);
                    OffsetDateTime next = now.plus(counter.waitAfter(count));
                    return connection
                            .preparedQuery(setWait)
                            .execute(Tuple.of(counter.key(), next, next.plus(keep)))
                            .chain(() -> takeFrom(connection, counters, now, keep, attempts));
                });
    }

    /**
     * Takes the attempts recorded on {@code pair} off each of {@code counters} (ending their wait when they fall
     * below their free attempts) and forgets the pair: a success forgives what was tried from the same place only.
     */
    public Uni<Void> forgive(Counter pair, List<Counter> counters, OffsetDateTime now) {
        return pool.withTransaction(connection -> connection
                .preparedQuery(attemptsOf)
                .execute(Tuple.of(pair.key(), now))
                .chain(rows -> {
                    Row row = first(rows);
                    int attempts = row == null ? 0 : row.getInteger("attempts");
                    Uni<Void> done = Uni.createFrom().voidItem();
                    for (Counter counter : counters) {
                        done = done.chain(() -> connection
                                .preparedQuery(forgive)
                                .execute(Tuple.of(counter.key(), attempts, counter.freeAttempts(), now))
                                .replaceWithVoid());
                    }
                    return done.chain(() -> connection
                            .preparedQuery(delete)
                            .execute(Tuple.of(pair.key()))
                            .replaceWithVoid());
                }));
    }

    /** Deletes counters nobody needs any more; answers how many. */
    public Uni<Integer> deleteExpired(OffsetDateTime now) {
        return pool.preparedQuery(deleteExpired).execute(Tuple.of(now)).map(RowSet::rowCount);
    }

    private static Row first(RowSet<Row> rows) {
        Iterator<Row> it = rows.iterator();
        return it.hasNext() ? it.next() : null;
    }

    /** Ends the transaction (rolled back) when a counter refuses. */
    private static final class Refused extends RuntimeException {
        final Refusal refusal;

        Refused(Refusal refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }
}
