package com.clinicsuite.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (binaries from Maven Central), one per test JVM, on a random port with its data
 * under target/. Each call to {@link #createDatabase()} gives a fresh database.
 */
public final class PostgresServer {

    private static PostgresServer instance;

    private final EmbeddedPostgres postgres;
    private int databases;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static synchronized PostgresServer get() {
        if (instance == null) {
            Path dir = TestDirs.create("postgres");
            System.setProperty("ot.epg.working-dir", dir.resolve("work").toString());
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(dir.resolve("data"))
                        .setCleanDataDirectory(true)
                        .setPort(FreePorts.next())
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
                instance = new PostgresServer(pg);
                Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not start", e);
            }
        }
        return instance;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates an empty database and returns its name. */
    public synchronized String createDatabase() {
        String name = "test_" + (++databases);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return name;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    private void close() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
