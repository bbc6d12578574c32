package com.clinicsuite.testkit;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The committed OpenAPI documents: {@code docs/openapi/<service>.json}, each exactly what that service serves at
 * {@code /q/openapi}, and {@code docs/openapi/openapi.json}, their merge, which the gateway serves at
 * {@code /openapi.json}. Each service's {@code OpenApiDocumentTest} ({@link OpenApiDocumentContract}) compares its
 * document with the app's {@code /q/openapi}; the test kit's {@code OpenApiMergedDocumentTest} compares the merged one
 * with {@link #merge} of the committed ones. {@code -Dopenapi.write=true} rewrites instead; {@link #main} rewrites the
 * merged one alone.
 *
 * <p>The merge: every path of every service (an operation names its service in {@code x-service}) but the operations
 * endpoints every service serves ({@code /ops/...}, platform-outbox, admin only, reached through
 * {@code /services/<service>/ops/...} locally and by port-forward in Kubernetes, never through the public routes: they
 * stay in each service's own document); components
 * united, a component two services define differently renamed {@code <Service>_<Name>} in each (their references
 * rewritten); tags united; servers the gateway. Services are taken in name order, so the result depends only on the
 * per-service files.
 */
public final class OpenApiDocuments {

    /** Where the documents are, from the repository root. */
    public static final Path DIRECTORY = Path.of("docs", "openapi");
    /** The merged document's file name. */
    public static final String MERGED = "openapi.json";

    static final String TITLE = "Clinic & pharmacy suite API";
    /** Paths every service serves (platform-outbox's operations endpoints), left out of the merged document. */
    static final String OPERATIONS_PREFIX = "/ops/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMPONENT_SECTIONS = List.of(
            "schemas",
            "responses",
            "parameters",
            "examples",
            "requestBodies",
            "headers",
            "securitySchemes",
            "links",
            "callbacks",
            "pathItems");

    private OpenApiDocuments() {}

    /** Regenerates {@code docs/openapi/openapi.json} from the committed per-service documents. */
    public static void main(String[] args) {
        Path written = writeMerged();
        System.out.println("wrote " + written);
    }

    /** {@code docs/openapi} in this repository (found from the working directory, like the endpoints table). */
    public static Path directory() {
        return EndpointTable.repositoryRoot().resolve(DIRECTORY);
    }

    public static Path serviceFile(String service) {
        return directory().resolve(service + ".json");
    }

    public static Path mergedFile() {
        return directory().resolve(MERGED);
    }

    /** The committed per-service documents, by service name (file name without {@code .json}), in name order. */
    public static Map<String, JsonNode> committedServiceDocuments() {
        Map<String, JsonNode> documents = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory())) {
            files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().equals(MERGED))
                    .forEach(f -> documents.put(f.getFileName().toString().replaceFirst("\\.json$", ""), read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /**
     * Writes the merge of the committed per-service documents to {@code docs/openapi/openapi.json}, and the same
     * document into the Kubernetes ConfigMap the gateway serves it from ({@link #KUBERNETES_CONFIG_MAP}).
     */
    public static Path writeMerged() {
        Path file = mergedFile();
        ObjectNode merged = merge(committedServiceDocuments());
        write(file, merged);
        try {
            Files.writeString(kubernetesConfigMapFile(), kubernetesConfigMap(merged), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The ConfigMap of the merged document in the Kubernetes manifests, from the repository root. */
    public static final Path KUBERNETES_CONFIG_MAP =
            Path.of("deploy", "k8s", "base", "gateway", "api-docs", "openapi-configmap.yaml");

    public static Path kubernetesConfigMapFile() {
        return EndpointTable.repositoryRoot().resolve(KUBERNETES_CONFIG_MAP);
    }

    /**
     * {@code deploy/k8s/base/gateway/api-docs/openapi-configmap.yaml}: the merged document as the api-docs Deployment
     * serves it at {@code /openapi.json} (key {@code openapi.json}, the committed file's text in a literal block).
     */
    public static String kubernetesConfigMap(JsonNode merged) {
        StringBuilder out = new StringBuilder();
        out.append(
                        "# GENERATED from docs/openapi/openapi.json by the test kit's OpenApiDocuments (with the documents,\n")
                .append(
                        "# -Dopenapi.write=true): do not edit by hand. The merged OpenAPI document, served at /openapi.json\n")
                .append(
                        "# by the api-docs Deployment; OpenApiMergedDocumentTest and deploy/k8s/validate.sh check that it is\n")
                .append("# docs/openapi/openapi.json.\n")
                .append("apiVersion: v1\n")
                .append("kind: ConfigMap\n")
                .append("metadata:\n")
                .append("  name: api-docs-openapi\n")
                .append("data:\n")
                .append("  openapi.json: |\n");
        for (String line : pretty(merged).split("\n")) {
            out.append("    ").append(line).append('\n');
        }
        return out.toString();
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pretty-printed (two spaces), one trailing newline: the committed form, so a diff shows what changed. */
    public static void write(Path file, JsonNode document) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pretty(document) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The committed form's text, without the trailing newline. */
    public static String pretty(JsonNode document) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The merged document of {@code services} (service name to its OpenAPI document). */
    public static ObjectNode merge(Map<String, JsonNode> services) {
        Map<String, JsonNode> ordered = new TreeMap<>(services);
        Map<String, Map<String, String>> renames = conflictingComponents(ordered);

        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        String version = ordered.values().stream()
                .map(d -> d.path("openapi").asText())
                .findFirst()
                .orElse("3.1.0");
        merged.put("openapi", version);
        ObjectNode info = merged.putObject("info");
        info.put("title", TITLE);
        info.put("version", "1.0.0");
        info.put(
                "description",
                "Every endpoint of the suite as the API gateway serves it: " + String.join(", ", ordered.keySet())
                        + ". Each operation names the service behind it in `x-service`; each service's own document"
                        + " is docs/openapi/<service>.json (and /q/openapi of the service), which also lists the"
                        + " operations endpoints every service serves (/ops/..., admin, not on the public routes)."
                        + " Errors are `{\"detail\", \"code\", \"errors\"}` (`ApiError`) everywhere.");
        ArrayNode servers = merged.putArray("servers");
        servers.addObject().put("url", "/").put("description", "The API gateway that serves this document");
        servers.addObject().put("url", "http://localhost:8080").put("description", "The local gateway of ./stack");

        Map<String, JsonNode> tags = new LinkedHashMap<>();
        Map<String, ObjectNode> paths = new TreeMap<>();
        Map<String, Map<String, JsonNode>> components = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();

        ordered.forEach((service, original) -> {
            JsonNode document = rewriteRefs(original.deepCopy(), renames.getOrDefault(service, Map.of()));
            document.path("tags")
                    .forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
            document.path("paths").fields().forEachRemaining(entry -> {
                if (entry.getKey().startsWith(OPERATIONS_PREFIX)) {
                    return;
                }
                ObjectNode item = paths.computeIfAbsent(entry.getKey(), k -> JsonNodeFactory.instance.objectNode());
                entry.getValue().fields().forEachRemaining(field -> {
                    if (item.has(field.getKey()) && isOperation(field.getKey())) {
                        problems.add(field.getKey().toUpperCase(Locale.ROOT) + " " + entry.getKey()
                                + " is served by two services ("
                                + item.path(field.getKey()).path("x-service").asText() + ", " + service + ")");
                        return;
                    }
                    JsonNode value = field.getValue().deepCopy();
                    if (isOperation(field.getKey()) && value instanceof ObjectNode operation) {
                        operation.put("x-service", service);
                    }
                    item.set(field.getKey(), value);
                });
            });
            document.path("components").fields().forEachRemaining(section -> {
                Map<String, JsonNode> target = components.computeIfAbsent(section.getKey(), k -> new TreeMap<>());
                section.getValue().fields().forEachRemaining(component -> {
                    String name = renames.getOrDefault(service, Map.of())
                            .getOrDefault(section.getKey() + "/" + component.getKey(), component.getKey());
                    target.putIfAbsent(name, component.getValue());
                });
            });
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "The services' documents cannot be merged:\n  " + String.join("\n  ", problems));
        }
        ArrayNode tagList = merged.putArray("tags");
        new TreeMap<>(tags).values().forEach(tagList::add);
        ObjectNode pathsNode = merged.putObject("paths");
        paths.forEach(pathsNode::set);
        ObjectNode componentsNode = merged.putObject("components");
        for (String section : COMPONENT_SECTIONS) {
            Map<String, JsonNode> entries = components.get(section);
            if (entries != null && !entries.isEmpty()) {
                ObjectNode sectionNode = componentsNode.putObject(section);
                entries.forEach(sectionNode::set);
            }
        }
        return merged;
    }

    /**
     * For each service, the components it must rename: {@code "schemas/PharmacyView" -> "AuthService_PharmacyView"}
     * for a name that another service defines with other content.
     */
    private static Map<String, Map<String, String>> conflictingComponents(Map<String, JsonNode> services) {
        Map<String, Map<String, JsonNode>> definitions = new LinkedHashMap<>();
        services.forEach((service, document) -> document.path("components")
                .fields()
                .forEachRemaining(section -> section.getValue()
                        .fields()
                        .forEachRemaining(component -> definitions
                                .computeIfAbsent(
                                        section.getKey() + "/" + component.getKey(), k -> new LinkedHashMap<>())
                                .put(service, component.getValue()))));
        Map<String, Map<String, String>> renames = new LinkedHashMap<>();
        definitions.forEach((key, byService) -> {
            Set<JsonNode> distinct = new LinkedHashSet<>(byService.values());
            if (distinct.size() > 1) {
                String name = key.substring(key.indexOf('/') + 1);
                byService
                        .keySet()
                        .forEach(service -> renames.computeIfAbsent(service, s -> new LinkedHashMap<>())
                                .put(key, prefix(service) + "_" + name));
            }
        });
        return renames;
    }

    /** {@code debtor-service} -> {@code DebtorService}. */
    static String prefix(String service) {
        StringBuilder out = new StringBuilder();
        for (String part : service.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    String ref = field.getValue().asText();
                    String prefix = "#/components/";
                    if (ref.startsWith(prefix) && renames.containsKey(ref.substring(prefix.length()))) {
                        String key = ref.substring(prefix.length());
                        String section = key.substring(0, key.indexOf('/'));
                        field.setValue(TextNode.valueOf(prefix + section + "/" + renames.get(key)));
                    }
                } else {
                    rewriteRefs(field.getValue(), renames);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteRefs(element, renames));
        }
        return node;
    }

    private static boolean isOperation(String key) {
        return Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
                .contains(key);
    }

    /** Up to {@code max} JSON pointers at which {@code expected} and {@code actual} differ. */
    public static List<String> differences(JsonNode expected, JsonNode actual, int max) {
        List<String> found = new ArrayList<>();
        diff("", expected, actual, found, max);
        return found;
    }

    private static void diff(String pointer, JsonNode expected, JsonNode actual, List<String> found, int max) {
        if (found.size() >= max || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    found.add(child + ": new in the running service");
                } else if (!actual.has(name)) {
                    found.add(child + ": gone from the running service");
                } else {
                    diff(child, expected.get(name), actual.get(name), found, max);
                }
                if (found.size() >= max) {
                    return;
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size() && found.size() < max; i++) {
                diff(pointer + "/" + i, expected.get(i), actual.get(i), found, max);
            }
        } else {
            found.add((pointer.isEmpty() ? "/" : pointer) + ": committed " + abbreviate(expected) + ", running "
                    + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
