package com.clinicsuite.testkit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * No SQL Server runs here, so the SQL Server migrations are checked offline: Hibernate writes the SQL Server DDL
 * its entities need (SQLServerDialect, no JDBC access), and every table and column in it must be created by the
 * mssql Flyway scripts.
 */
public final class MssqlSchemaCheck {

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "create\\s+table\\s+([\\w\\[\\]\\.]+)\\s*\\((.*)\\)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ALTER_ADD = Pattern.compile(
            "alter\\s+table\\s+([\\w\\[\\]\\.]+)\\s+add\\s+(?!constraint)(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> NOT_COLUMNS =
            Set.of("primary", "constraint", "unique", "foreign", "check", "index");

    private MssqlSchemaCheck() {}

    /** The SQL Server DDL Hibernate generates for these entities. */
    public static String generateDdl(List<Class<?>> entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.dialect", "org.hibernate.dialect.SQLServerDialect")
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("hibernate.temp.use_jdbc_metadata_defaults", "false")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            StringWriter ddl = new StringWriter();
            Map<String, Object> settings =
                    new HashMap<>(registry.getService(org.hibernate.engine.config.spi.ConfigurationService.class)
                            .getSettings());
            settings.put("jakarta.persistence.schema-generation.database.action", "none");
            settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
            settings.put("jakarta.persistence.schema-generation.scripts.create-target", ddl);
            settings.put("hibernate.hbm2ddl.delimiter", ";");
            SchemaManagementToolCoordinator.process(
                    metadata, registry, settings, DelayedDropRegistryNotAvailableImpl.INSTANCE);
            return ddl.toString();
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /** Table name to column names, from DDL statements (create table, alter table ... add). */
    public static Map<String, Set<String>> tablesAndColumns(String sql) {
        Map<String, Set<String>> tables = new TreeMap<>();
        for (String statement : statements(sql)) {
            Matcher create = CREATE_TABLE.matcher(statement);
            if (create.find()) {
                Set<String> columns = tables.computeIfAbsent(name(create.group(1)), k -> new TreeSet<>());
                for (String part : splitTopLevel(create.group(2))) {
                    String first = part.trim().split("\\s+")[0];
                    if (!first.isEmpty() && !NOT_COLUMNS.contains(first.toLowerCase(Locale.ROOT))) {
                        columns.add(name(first));
                    }
                }
                continue;
            }
            Matcher alter = ALTER_ADD.matcher(statement);
            if (alter.find()) {
                Set<String> columns = tables.computeIfAbsent(name(alter.group(1)), k -> new TreeSet<>());
                for (String part : splitTopLevel(alter.group(2))) {
                    columns.add(name(part.trim().split("\\s+")[0]));
                }
            }
        }
        return tables;
    }

    /** What the entities need that the migrations in {@code dirs} do not create: empty when they agree. */
    public static List<String> missingFromMigrations(List<Class<?>> entities, Path... dirs) {
        Map<String, Set<String>> needed = tablesAndColumns(generateDdl(entities));
        StringBuilder migrations = new StringBuilder();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".sql"))
                        .sorted()
                        .toList()) {
                    migrations.append(Files.readString(file)).append(";\n");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Set<String>> created = tablesAndColumns(migrations.toString());
        List<String> missing = new ArrayList<>();
        needed.forEach((table, columns) -> {
            Set<String> have = created.get(table);
            if (have == null) {
                missing.add("table " + table);
            } else {
                columns.stream().filter(c -> !have.contains(c)).forEach(c -> missing.add("column " + table + "." + c));
            }
        });
        return missing;
    }

    private static List<String> statements(String sql) {
        String withoutComments = sql.replaceAll("(?m)--.*$", "");
        List<String> result = new ArrayList<>();
        for (String s : withoutComments.split(";|(?mi)^\\s*GO\\s*$")) {
            if (!s.isBlank()) {
                result.add(s.trim());
            }
        }
        return result;
    }

    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : body.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String name(String raw) {
        String n = raw.replace("[", "").replace("]", "").replace("\"", "");
        int dot = n.lastIndexOf('.');
        return (dot >= 0 ? n.substring(dot + 1) : n).toLowerCase(Locale.ROOT);
    }
}
