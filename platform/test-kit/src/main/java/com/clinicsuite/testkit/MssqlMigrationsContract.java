package com.clinicsuite.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
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
            "com.clinicsuite.outbox.InboxDeadLetter",
            "com.clinicsuite.outbox.RelayLock");

    /** The outbox's own mssql scripts (in the platform-outbox jar); every service runs them before its own. */
    private static final String OUTBOX_SCRIPTS = "db/outbox/mssql";

    @Test
    void mssqlMigrationsCreateWhatTheEntitiesNeed() throws Exception {
        List<Class<?>> entities = entities();
        assertThat(entities).isNotEmpty();
        Path dir = Files.createTempDirectory("mssql-migrations");
        copyOutboxScripts(dir);
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration/mssql"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        List<String> missing = MssqlSchemaCheck.missingFromMigrations(entities, dir);
        assertThat(missing).as("what the mssql migrations lack").isEmpty();
    }

    /** Copies every script of {@link #OUTBOX_SCRIPTS}, from a jar or a classes folder, into {@code dir}. */
    private void copyOutboxScripts(Path dir) throws Exception {
        java.net.URL folder = getClass().getClassLoader().getResource(OUTBOX_SCRIPTS);
        assertThat(folder).as(OUTBOX_SCRIPTS + " on the class path").isNotNull();
        java.net.URI uri = folder.toURI();
        if ("jar".equals(uri.getScheme())) {
            try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of())) {
                copySql(jar.getPath(OUTBOX_SCRIPTS), dir);
            }
        } else {
            copySql(Path.of(uri), dir);
        }
    }

    private static void copySql(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Files.write(to.resolve(f.getFileName().toString()), Files.readAllBytes(f));
            }
        }
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
