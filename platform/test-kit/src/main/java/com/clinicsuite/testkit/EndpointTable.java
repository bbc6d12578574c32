package com.clinicsuite.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * deploy/gateway/endpoints.tsv, the authorization matrix's table: one row per endpoint of the suite with the
 * service that serves it and its {@link AccessRule}. Found through the system property {@value #PROPERTY}, else
 * by walking up from the working directory (a module's directory under Maven) to the repository root.
 */
public final class EndpointTable {

    public static final String PROPERTY = "endpoints.table";
    /**
     * The service column of an operation that every service serves (platform-outbox's {@code /ops/*}): reached
     * through the local gateway as {@code /services/<service>/...}, not through the public routes.
     */
    public static final String EVERY_SERVICE = "*";

    static final Path RELATIVE = Path.of("deploy", "gateway", "endpoints.tsv");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /** One row: an operation as the service's OpenAPI names it, and who may call it. */
    public record Endpoint(String method, String path, String service, AccessRule access, int line) {

        /** {@code "METHOD /path/{param}"}, the form a subclass of the contract switches on. */
        public String key() {
            return method + " " + path;
        }

        /** The line to add to endpoints.tsv for an operation, with the access left to choose. */
        static String missingRow(String method, String path, String service) {
            return method + "\t" + path + "\t" + service + "\t<access>";
        }

        @Override
        public String toString() {
            return key() + " [" + access.word() + ", endpoints.tsv:" + line + "]";
        }
    }

    private final Path file;
    private final List<Endpoint> rows;

    private EndpointTable(Path file, List<Endpoint> rows) {
        this.file = file;
        this.rows = rows;
    }

    public static EndpointTable load() {
        return parse(locate());
    }

    public Path file() {
        return file;
    }

    public List<Endpoint> rows() {
        return rows;
    }

    /** The rows of {@code service}, with those of every service ({@value #EVERY_SERVICE}). */
    public List<Endpoint> rowsOf(String service) {
        return rows.stream()
                .filter(r -> r.service().equals(service) || r.service().equals(EVERY_SERVICE))
                .toList();
    }

    static EndpointTable parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Endpoint> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            int line = i + 1;
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            String[] cols = text.split("\t", -1);
            if (cols.length != 4) {
                problems.add(line + ": expected 4 tab-separated columns (method, path, service, access): " + text);
                continue;
            }
            String method = cols[0].strip();
            String path = cols[1].strip();
            String service = cols[2].strip();
            var access = AccessRule.of(cols[3].strip());
            if (!METHODS.contains(method)) {
                problems.add(line + ": unknown method " + method);
            } else if (!path.startsWith("/")) {
                problems.add(line + ": the path must start with /: " + path);
            } else if (access.isEmpty()) {
                problems.add(line + ": unknown access '" + cols[3].strip() + "'; one of " + AccessRule.words());
            } else if (seen.putIfAbsent(method + " " + path, line) != null) {
                problems.add(line + ": " + method + " " + path + " is listed twice (also line "
                        + seen.get(method + " " + path) + ")");
            } else {
                rows.add(new Endpoint(method, path, service, access.get(), line));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(file + ":\n  " + String.join("\n  ", problems));
        }
        return new EndpointTable(file, List.copyOf(rows));
    }

    private static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return repositoryRoot().resolve(RELATIVE);
    }

    /** The repository's root: the nearest directory above the working directory (a module's) that holds the table. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(RELATIVE))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "No " + RELATIVE + " above " + Path.of("").toAbsolutePath() + "; set -D" + PROPERTY + "=<path>");
    }
}
