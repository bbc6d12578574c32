package com.clinicsuite.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code deploy/observability} queries: every PromQL expression of the Grafana dashboard (panels and query
 * variables) and of the alert rules, the metric names in them, and the table {@code metrics.tsv} of who exposes each
 * name. Read by {@link ObservabilityMetricsContract}.
 */
public final class ObservabilityQueries {

    static final Path DIR = Path.of("deploy", "observability");
    static final Path TABLE = DIR.resolve("metrics.tsv");

    /** One PromQL expression and the file it is in. */
    public record Query(String file, String expr) {}

    /** A row of metrics.tsv: a metric name (without _bucket/_count/_sum) and who exposes it. */
    public record Owner(String metric, Set<String> services, boolean all, String external) {
        boolean ownedBy(String service) {
            return all || services.contains(service);
        }
    }

    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "offset",
            "and",
            "or",
            "unless",
            "inf",
            "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern SELECTOR = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern LABEL_LIST =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** Grafana's label_values(metric, label): the label is no metric. */
    private static final Pattern LABEL_VALUES =
            Pattern.compile("\\blabel_values\\s*\\(\\s*([a-zA-Z_:][\\w:]*)\\s*(?:,[^)]*)?\\)");
    /** A name not followed by "(" (that would be a function or aggregation). */
    private static final Pattern NAME = Pattern.compile("(?<![\\w:$.])([a-zA-Z_:][\\w:]*)(?![\\w:])(?!\\s*\\()");

    private static final Pattern HISTOGRAM_SUFFIX = Pattern.compile("_(?:bucket|count|sum)$");

    private ObservabilityQueries() {}

    /** Every expression of grafana-dashboard.json and alerts.yaml under {@code repo}. */
    public static List<Query> queries(Path repo) {
        List<Query> queries = new ArrayList<>();
        Path dashboard = repo.resolve(DIR).resolve("grafana-dashboard.json");
        try {
            JsonNode root = new ObjectMapper().readTree(dashboard.toFile());
            collectExprs(root, queries);
            for (JsonNode variable : root.path("templating").path("list")) {
                if ("query".equals(variable.path("type").asText())) {
                    JsonNode query = variable.path("query");
                    String text = query.isObject() ? query.path("query").asText() : query.asText();
                    queries.add(new Query(
                            "grafana-dashboard.json (variable "
                                    + variable.path("name").asText() + ")",
                            text));
                }
            }
            queries.addAll(alertExprs(Files.readAllLines(repo.resolve(DIR).resolve("alerts.yaml"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }

    private static void collectExprs(JsonNode node, List<Query> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("expr") && field.getValue().isTextual()) {
                    into.add(
                            new Query("grafana-dashboard.json", field.getValue().asText()));
                } else {
                    collectExprs(field.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectExprs(child, into));
        }
    }

    /** The {@code expr:} values of a PrometheusRule: single-line or block scalars ({@code |}, {@code >}). */
    static List<Query> alertExprs(List<String> lines) {
        Pattern expr = Pattern.compile("^(\\s*)(?:- )?expr:\\s*(.*)$");
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = expr.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            int indent = m.group(1).length();
            String rest = m.group(2).trim();
            if (rest.startsWith("|") || rest.startsWith(">")) {
                StringBuilder block = new StringBuilder();
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || indentOf(lines.get(i + 1)) > indent)) {
                    block.append(lines.get(++i).trim()).append(' ');
                }
                queries.add(new Query("alerts.yaml", block.toString().trim()));
            } else {
                queries.add(new Query("alerts.yaml", rest.replaceAll("^'(.*)'$", "$1")));
            }
        }
        return queries;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    /** The metric names an expression reads (labels, functions, keywords, numbers and Grafana variables left out). */
    public static Set<String> metricNames(String promql) {
        String e = STRING.matcher(promql).replaceAll(" ");
        e = SELECTOR.matcher(e).replaceAll(" ");
        e = RANGE.matcher(e).replaceAll(" ");
        e = LABEL_VALUES.matcher(e).replaceAll(" $1 ");
        e = LABEL_LIST.matcher(e).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(e);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** A histogram's or summary's series name without _bucket/_count/_sum: the name metrics.tsv lists. */
    public static String family(String name) {
        return HISTOGRAM_SUFFIX.matcher(name).replaceFirst("");
    }

    /** Every queried metric name, with the files that query it. */
    public static Map<String, Set<String>> queriedNames(Path repo) {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (Query query : queries(repo)) {
            for (String name : metricNames(query.expr())) {
                names.computeIfAbsent(name, n -> new TreeSet<>()).add(query.file());
            }
        }
        return names;
    }

    /** metrics.tsv, by metric. */
    public static Map<String, Owner> owners(Path repo) {
        Map<String, Owner> owners = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(repo.resolve(TABLE))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length < 2) {
                    throw new IllegalStateException(TABLE + ": not metric<TAB>owner<TAB>what: " + line);
                }
                String owner = cells[1].trim();
                boolean external = owner.startsWith("external:");
                Set<String> services = new TreeSet<>();
                if (!external && !owner.equals("all")) {
                    for (String service : owner.split(",")) {
                        services.add(service.trim());
                    }
                }
                if (owners.put(
                                cells[0].trim(),
                                new Owner(cells[0].trim(), services, owner.equals("all"), external ? owner : null))
                        != null) {
                    throw new IllegalStateException(TABLE + ": " + cells[0] + " listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    /** The repository's root: the nearest directory above the working directory that holds metrics.tsv. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TABLE))) {
                return dir;
            }
        }
        throw new IllegalStateException("No " + TABLE + " above " + Path.of("").toAbsolutePath());
    }
}
