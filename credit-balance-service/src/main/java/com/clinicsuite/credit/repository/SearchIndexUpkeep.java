package com.clinicsuite.credit.repository;

import com.clinicsuite.outbox.SqlDialect;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps a bulk import from paying for the search index row by row (PostgreSQL only; SQL Server has no such index).
 * Inserting 100,000 records into the trigram GIN index entry by entry took 6.8 s of a replace's 7.3 s INSERT. An
 * import's transaction instead lets the new entries wait in the index's pending list ({@code gin_pending_list_limit}
 * raised for that transaction only; searches read the pending list too, so they stay correct), and right after
 * the commit {@link #mergePendingEntries()} moves them into the index in bulk, in the background. Until it has,
 * searches are slower, never wrong.
 */
@ApplicationScoped
public class SearchIndexUpkeep {

    private static final Logger LOG = Logger.getLogger(SearchIndexUpkeep.class);
    static final String SEARCH_INDEX = "credit_balance_search_trgm";

    private final boolean postgres;
    private final Pool pool;

    public SearchIndexUpkeep(SqlDialect dialect, Pool pool) {
        this.postgres = dialect.isPostgresql();
        this.pool = pool;
    }

    /** In the import's transaction, before it inserts: new index entries wait in the pending list. */
    public Uni<Void> deferForThisTransaction() {
        if (!postgres) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("set local gin_pending_list_limit = '2GB'")
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** After the import committed: merges the waiting entries into the index, without holding up the caller. */
    public void mergePendingEntries() {
        if (!postgres) {
            return;
        }
        long started = System.nanoTime();
        pool.query("select gin_clean_pending_list('" + SEARCH_INDEX + "'::regclass)")
                .execute()
                .subscribe()
                .with(
                        rows -> LOG.infof(
                                "Search index caught up with the import in %d ms",
                                (System.nanoTime() - started) / 1_000_000),
                        failure -> LOG.warnf(
                                "Merging the search index's pending entries failed (autovacuum will): %s",
                                failure.toString()));
    }
}
