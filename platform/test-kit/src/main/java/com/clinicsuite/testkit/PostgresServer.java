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
 * under target/. Each call to {@link #createDatabase()} gives a fresh database. {@link #stop()} and {@link #start()}
 * take the server away and bring it back on the same port and data, for tests of what happens during an outage.
 */
public final class PostgresServer {

    private static PostgresServer instance;

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private int databases;
    /** The server's command line as it was first started (postmaster.opts), to start it again the same way. */
    private String startOptions;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
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
                instance = new PostgresServer(pg, dir.resolve("data"));
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

    /**
     * Stops the server the way an operator would ({@code pg_ctl stop -m fast}: open connections are terminated,
     * new ones refused); its data stays for {@link #start()}.
     */
    public synchronized void stop() {
        if (startOptions == null) {
            startOptions = readStartOptions();
        }
        pgCtl("stop", "-m", "fast", "-w", "-t", "60");
    }

    /** Starts the server again on the same port and data, and waits until it accepts connections. */
    public synchronized void start() {
        if (startOptions == null) {
            throw new IllegalStateException("PostgreSQL was not stopped");
        }
        pgCtl(
                "start",
                "-w",
                "-t",
                "60",
                "-l",
                dataDir.resolveSibling("restarted.log").toString(),
                "-o",
                startOptions);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres")) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL did not come back", e);
        }
    }

    /** postmaster.opts: the postgres binary's path, then its quoted arguments. */
    private String readStartOptions() {
        try {
            String opts = java.nio.file.Files.readString(dataDir.resolve("postmaster.opts"))
                    .trim();
            int firstArgument = opts.indexOf(" ");
            return firstArgument < 0 ? "" : opts.substring(firstArgument + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read how PostgreSQL was started", e);
        }
    }

    private void pgCtl(String... arguments) {
        java.util.List<String> command = new java.util.ArrayList<>();
        if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
            // as the embedded server itself was started: pg_ctl refuses to run as root, in a user namespace it is not
            command.addAll(java.util.List.of("unshare", "-U"));
        }
        command.add(postgresBinary().resolveSibling("pg_ctl").toString());
        command.add("-D");
        command.add(dataDir.toString());
        command.addAll(java.util.List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolveSibling("pg_ctl.log").toFile())
                    .start();
            if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "pg_ctl " + arguments[0] + " failed; see " + dataDir.resolveSibling("pg_ctl.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The postgres binary the server was started with (first word of postmaster.opts). */
    private Path postgresBinary() {
        try {
            String opts = java.nio.file.Files.readString(dataDir.resolve("postmaster.opts"))
                    .trim();
            int end = opts.indexOf(' ');
            return Path.of(end < 0 ? opts : opts.substring(0, end));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find the PostgreSQL binaries", e);
        }
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
