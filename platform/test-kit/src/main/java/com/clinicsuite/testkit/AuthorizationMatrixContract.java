package com.clinicsuite.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.clinicsuite.testkit.AccessRule.Expected;
import com.clinicsuite.testkit.EndpointTable.Endpoint;
import com.clinicsuite.vocabulary.Center;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The authorization matrix (docs/security.md): every endpoint of this service in deploy/gateway/endpoints.tsv,
 * called as every {@link MatrixCaller}, must answer what its {@link AccessRule} says; and the table must list
 * exactly the operations the running service publishes in its OpenAPI ({@code /q/*} aside), so an endpoint added
 * without a row fails the build.
 *
 * <p>A service extends this with {@code @QuarkusTest @WithTestResource(SuiteInfrastructure.class)} and supplies
 * what its requests need: the data they name ({@link #prepare()}, {@link #pathParameter}), a body that passes
 * validation ({@link #request}), and, for webhooks, the provider's credentials ({@link #providerCredentials}).
 * An authorized caller passes when the answer is neither 401 nor 403 nor 5xx: the endpoint's own 404 or 422
 * still shows that authorization let it through.
 */
public abstract class AuthorizationMatrixContract {

    /** The center of the records the requests name; {@link MatrixCaller#OWN_CENTER_STAFF} belongs to it. */
    public static final String RECORD_CENTER = Center.GK2.canonicalName();
    /** The center of {@link MatrixCaller#OTHER_CENTER_STAFF}. */
    public static final String OTHER_CENTER = Center.PUNJABI_BAGH.canonicalName();

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    static final String UNKNOWN_ID = "999999999";
    static final String UNKNOWN_WORD = "matrix";
    private static final long DEFAULT_PHARMACY = 8_000_000_000L + System.currentTimeMillis() % 1_000_000 * 10;

    private final Map<MatrixCaller, String> tokens = new EnumMap<>(MatrixCaller.class);

    /** This service's name in endpoints.tsv. */
    protected abstract String service();

    /** Creates the data the requests name, once, before the first request (the application is up). */
    protected void prepare() {}

    /** The pharmacy the requests name, and on which the pharmacy callers hold their grants. */
    protected long pharmacyId() {
        return DEFAULT_PHARMACY;
    }

    /**
     * The value of path parameter {@code name} for one request (asked per request: a DELETE may want its own).
     * By default the pharmacy for {@code pharmacy_id}, {@value #UNKNOWN_ID} for other names ending in "id" and
     * {@value #UNKNOWN_WORD} for the rest, so a new row runs without code: refused callers must still get 401/403,
     * authorized ones usually the endpoint's 404. Override with a real value where the service looks the record up
     * before it checks access, or where access depends on the record (its center).
     */
    protected String pathParameter(String name, Endpoint endpoint, MatrixCaller caller) {
        if (name.equals("pharmacy_id")) {
            return Long.toString(pharmacyId());
        }
        return name.endsWith("id") ? UNKNOWN_ID : UNKNOWN_WORD;
    }

    /** Adds what an authorized call needs besides the token: body, content type, query parameters. */
    protected RequestSpecification request(Endpoint endpoint, MatrixCaller caller, RequestSpecification request) {
        return request;
    }

    /** Adds a {@link AccessRule#WEBHOOK webhook}'s own credentials (its token or signature). */
    protected RequestSpecification providerCredentials(Endpoint endpoint, RequestSpecification request) {
        throw new IllegalStateException(endpoint.key() + " is a webhook: override providerCredentials");
    }

    /** Signs a caller's claims; override where the service trusts other keys than the test kit's. */
    protected String sign(MatrixCaller caller, TestTokens.Builder claims) {
        return claims.sign();
    }

    /** The claims of each caller; {@code null} for {@link MatrixCaller#NO_TOKEN}. */
    protected TestTokens.Builder claims(MatrixCaller caller) {
        long pharmacy = pharmacyId();
        return switch (caller) {
            case NO_TOKEN -> null;
            case EXPIRED_TOKEN ->
                TestTokens.user("matrix-expired").roles("admin").expired();
            case BAD_SIGNATURE ->
                TestTokens.user("matrix-forger").roles("admin").badSignature();
            case OTHER_PHARMACY_USER ->
                TestTokens.user("matrix-other-pharmacy").roles("pharmacy").grant(pharmacy + 1, true, true);
            case PHARMACY_READER ->
                TestTokens.user("matrix-reader").roles("pharmacy").grant(pharmacy, true, false);
            case PHARMACY_WRITER ->
                TestTokens.user("matrix-writer").roles("pharmacy").grant(pharmacy, true, true);
            case OTHER_CENTER_STAFF ->
                TestTokens.user("matrix-other-center").roles("staff").center(OTHER_CENTER);
            case OWN_CENTER_STAFF ->
                TestTokens.user("matrix-own-center").roles("staff").center(RECORD_CENTER);
            case NO_ROLE_USER -> TestTokens.user("matrix-no-role");
            case ADMIN -> TestTokens.user("matrix-admin").roles("admin");
        };
    }

    @Test
    void endpointsTableListsExactlyTheOperationsOfTheService() {
        EndpointTable table = EndpointTable.load();
        Set<String> exposed = openApiOperations();
        Set<String> listed = new TreeSet<>();
        table.rowsOf(service()).forEach(r -> listed.add(r.key()));

        List<String> problems = new ArrayList<>();
        List<String> missing = exposed.stream()
                .filter(op -> !listed.contains(op))
                .map(op -> EndpointTable.Endpoint.missingRow(op.split(" ", 2)[0], op.split(" ", 2)[1], service()))
                .toList();
        if (!missing.isEmpty()) {
            problems.add(service() + " exposes operations that " + table.file()
                    + " does not list. Add these rows, choosing the access from the file's header:\n"
                    + String.join("\n", missing));
        }
        List<String> stale = table.rowsOf(service()).stream()
                .filter(r -> !exposed.contains(r.key()))
                .map(r -> "line " + r.line() + ": " + r.key())
                .toList();
        if (!stale.isEmpty()) {
            problems.add("Rows of " + table.file() + " for " + service() + " that its OpenAPI does not have "
                    + "(remove them, or correct the path to the OpenAPI's spelling):\n" + String.join("\n", stale));
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n\n", problems));
        }
        assertThat(listed).as("rows of %s in %s", service(), table.file()).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointAnswersEveryCallerAsItsRuleSays() {
        List<Endpoint> rows = EndpointTable.load().rowsOf(service());
        assertThat(rows).as("rows of %s in endpoints.tsv", service()).isNotEmpty();
        prepare();
        return rows.stream().map(endpoint -> {
            List<DynamicNode> calls = new ArrayList<>();
            for (MatrixCaller caller : MatrixCaller.values()) {
                calls.add(DynamicTest.dynamicTest("as " + caller, () -> check(endpoint, caller)));
            }
            if (endpoint.access() == AccessRule.WEBHOOK) {
                calls.add(DynamicTest.dynamicTest(
                        "as ADMIN without the provider's credentials",
                        () -> checkWebhookNeedsItsCredentials(endpoint)));
            }
            return DynamicContainer.dynamicContainer(endpoint.toString(), calls);
        });
    }

    private void check(Endpoint endpoint, MatrixCaller caller) {
        Expected expected = endpoint.access().expectedFor(caller);
        Response response = call(endpoint, caller, true);
        int status = response.statusCode();
        String context = endpoint + " as " + caller + ": expected " + describe(expected) + ", got " + status + " "
                + abbreviate(response.asString());
        switch (expected) {
            case AUTHORIZED ->
                assertThat(status != 401 && status != 403 && status < 500)
                        .as(context)
                        .isTrue();
            case UNAUTHENTICATED -> {
                assertThat(status).as(context).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate"))
                        .as(context + " (WWW-Authenticate)")
                        .startsWith("Bearer");
                assertThat(detail(response)).as(context + " (detail)").isNotBlank();
            }
            case FORBIDDEN -> {
                assertThat(status).as(context).isEqualTo(403);
                assertThat(detail(response)).as(context + " (detail)").isNotBlank();
            }
            case HIDDEN -> {
                assertThat(status).as(context).isEqualTo(404);
                assertThat(detail(response)).as(context + " (detail)").isNotBlank();
            }
        }
    }

    private void checkWebhookNeedsItsCredentials(Endpoint endpoint) {
        Response response = call(endpoint, MatrixCaller.ADMIN, false);
        assertThat(response.statusCode())
                .as(endpoint + ": an admin's JWT without the provider's credentials must be refused, got "
                        + response.statusCode() + " " + abbreviate(response.asString()))
                .isIn(401, 403);
    }

    private Response call(Endpoint endpoint, MatrixCaller caller, boolean withProviderCredentials) {
        RequestSpecification request = given().redirects().follow(false);
        String token = token(caller);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        request = request(endpoint, caller, request);
        if (endpoint.access() == AccessRule.WEBHOOK && withProviderCredentials) {
            request = providerCredentials(endpoint, request);
        }
        return request.request(endpoint.method(), fill(endpoint, caller));
    }

    private String token(MatrixCaller caller) {
        if (caller == MatrixCaller.NO_TOKEN) {
            return null;
        }
        return tokens.computeIfAbsent(caller, c -> sign(c, claims(c)));
    }

    private String fill(Endpoint endpoint, MatrixCaller caller) {
        Matcher m = PARAMETER.matcher(endpoint.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(pathParameter(m.group(1), endpoint, caller)));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** {@code "METHOD /path"} of every operation in the running service's OpenAPI, {@code /q/*} aside. */
    private static Set<String> openApiOperations() {
        String json = given().accept("application/json")
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode paths;
        try {
            paths = new ObjectMapper().readTree(json).path("paths");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getKey().equals("/q") || path.getKey().startsWith("/q/")) {
                continue;
            }
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (HTTP_METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    private static String detail(Response response) {
        try {
            return new ObjectMapper()
                    .readTree(response.asString())
                    .path("detail")
                    .asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(Expected expected) {
        return switch (expected) {
            case AUTHORIZED -> "to get through (not 401, 403 or 5xx)";
            case UNAUTHENTICATED -> "401";
            case FORBIDDEN -> "403";
            case HIDDEN -> "404 (as for a record that does not exist)";
        };
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
