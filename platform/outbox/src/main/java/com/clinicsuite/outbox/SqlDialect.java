package com.clinicsuite.outbox;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SQL dialect of the service's database, read once from {@code quarkus.datasource.db-kind}: the one place a
 * service tells PostgreSQL (tests, the stack, the pharmacies' production) and SQL Server (the clinic's production)
 * apart. Inject it where a statement differs between the two; never read the database kind anywhere else. Any other
 * kind is refused at start-up: the migrations and statements exist for these two only.
 */
@Singleton
public class SqlDialect {

    /** Quarkus' names for SQL Server ({@code mssql} and its aliases). */
    private static final Set<String> MSSQL =
            Set.of("mssql", "sqlserver", "microsoft-sql-server", "microsoftsqlserver", "ms-sqlserver");

    private static final Set<String> POSTGRESQL = Set.of("postgresql", "postgres", "pgsql", "pg");

    private final boolean mssql;

    /** @param dbKind the value of {@code quarkus.datasource.db-kind} */
    public SqlDialect(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        String kind = dbKind == null ? "" : dbKind.strip().toLowerCase(Locale.ROOT);
        if (MSSQL.contains(kind)) {
            this.mssql = true;
        } else if (POSTGRESQL.contains(kind)) {
            this.mssql = false;
        } else {
            throw new IllegalArgumentException("quarkus.datasource.db-kind=" + dbKind
                    + " is not supported: the suite runs on postgresql or mssql (SQL Server)");
        }
    }

    /** Whether the database is SQL Server. */
    public boolean isMssql() {
        return mssql;
    }

    /** Whether the database is PostgreSQL. */
    public boolean isPostgresql() {
        return !mssql;
    }

    /** {@code postgresql} or {@code mssql}: the text (or value) that fits this database. */
    public <T> T choose(T postgresql, T mssql) {
        return this.mssql ? mssql : postgresql;
    }

    /**
     * A statement for the reactive SQL client written with PostgreSQL's placeholders ({@code $1}, {@code $2}...), with
     * SQL Server's ({@code @p1}, {@code @p2}...) there.
     */
    public String placeholders(String sql) {
        return mssql ? sql.replaceAll("\\$(\\d+)", "@p$1") : sql;
    }
}
