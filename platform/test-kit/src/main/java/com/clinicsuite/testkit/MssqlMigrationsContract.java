package com.clinicsuite.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SQL Server build runs the {@code db/migration/mssql} scripts; this checks offline that they create every
 * table and column the service's entities (found in target/classes, plus the outbox's) need.
 */
public abstract class MssqlMigrationsContract {

    private static final List<String> PLATFORM_ENTITIES = List.of(
            "com.clinicsuite.outbox.OutboxEvent",
            "com.clinicsuite.outbox.InboxEvent",
            "com.clinicsuite.outbox.RelayLock");

    @Test
    void mssqlMigrationsCreateWhatTheEntitiesNeed() throws Exception {
        List<Class<?>> entities = entities();
        assertThat(entities).isNotEmpty();
        Path outboxSql = Files.createTempFile("outbox-mssql", ".sql");
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("db/outbox/mssql/V0_1__outbox_inbox.sql")) {
            Files.writeString(outboxSql, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Path dir = Files.createTempDirectory("mssql-migrations");
        Files.copy(outboxSql, dir.resolve("V0_1__outbox_inbox.sql"));
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration/mssql"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        List<String> missing = MssqlSchemaCheck.missingFromMigrations(entities, dir);
        assertThat(missing).as("what the mssql migrations lack").isEmpty();
    }

    @Test
    void sqlServerDdlIsGeneratedForEveryEntity() {
        String ddl = MssqlSchemaCheck.generateDdl(entities());
        assertThat(ddl).containsIgnoringCase("create table outbox_event");
        for (Class<?> entity : entities()) {
            jakarta.persistence.Table table = entity.getAnnotation(jakarta.persistence.Table.class);
            if (table != null) {
                assertThat(ddl).containsIgnoringCase("create table " + table.name());
            }
        }
    }

    /** Every {@code @Entity} compiled from this module, plus the platform's. */
    protected List<Class<?>> entities() {
        List<Class<?>> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(mainClassesDir())) {
            Path classes = mainClassesDir();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = load(name);
                if (type.isAnnotationPresent(Entity.class)) {
                    result.add(type);
                }
            }
            for (String platform : PLATFORM_ENTITIES) {
                result.add(load(platform));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    /** After a @QuarkusTest ran, this class may come from Quarkus' class loader: try it, then the plain one. */
    private Class<?> load(String name) throws ClassNotFoundException {
        try {
            return Class.forName(name, false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            return Class.forName(name, false, MssqlMigrationsContract.class.getClassLoader());
        }
    }

    /** target/classes beside this test's target/test-classes (whatever the build directory is called). */
    private Path mainClassesDir() {
        try {
            return Path.of(getClass()
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getParent()
                    .resolve("classes");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
