package com.clinicsuite.notification.bench;

import com.clinicsuite.notification.support.TestData;
import com.clinicsuite.testkit.SuiteInfrastructure;
import com.clinicsuite.testkit.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How long {@code POST /pharmacies/{id}/templates/sms|email/preview} takes for the worst templates found: the most
 * work the sandbox allows (20,000 characters, loops over 20 buckets, 200-character values, HTML escaping, sections
 * 8 deep, 500-character tags, parentheses 10 deep) and hostile ones it refuses. Each request sends a template never seen before (a
 * unique comment), so every figure includes parsing and checking. Then the worst template is sent by 4 clients at
 * once while a fifth times an ordinary preview. Through real HTTP against the app booted by the test kit (PostgreSQL,
 * Kafka). Not part of the build (the class name does not match Surefire's includes); run bench/template_preview.sh.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class TemplatePreviewBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 20_000;

    private final int requests = Integer.getInteger("bench.requests", 30);
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger unique = new AtomicInteger();
    private long pharmacy;
    private String token;

    @Test
    void previewTimesForTheWorstTemplates() throws Exception {
        pharmacy = TestData.newPharmacyId();
        Map<String, Object> settings = TestData.smtpSettings();
        settings.put("bank_details", "B".repeat(200));
        TestData.configure(pharmacy, settings);
        token = TestTokens.pharmacyReader(pharmacy);

        Map<String, Candidate> candidates = new LinkedHashMap<>();
        candidates.put("default sms template", new Candidate("sms", null));
        candidates.put("loop: 20 buckets x 3,300 {name} (text)", new Candidate("sms", loopOfNames()));
        candidates.put("loop: 20 buckets x 3,300 {name} (html)", new Candidate("email", loopOfNames()));
        candidates.put("largest output allowed (~99,000 chars, html)", new Candidate("email", largestAllowedOutput()));
        candidates.put("3,300 placeholders, no loop (html)", new Candidate("email", fill("{bank_details}")));
        candidates.put("#if 8 deep, 500-char conditions", new Candidate("sms", deepConditions()));
        candidates.put("parentheses 10 deep, 500-char tags", new Candidate("sms", deepParentheses(10, 17)));
        candidates.put("refused: {#for i in 200000000}", new Candidate("sms", "{#for i in 200000000}x{/for}"));
        candidates.put("refused: sections 800 deep", new Candidate("sms", nested(800)));
        candidates.put("refused: parentheses 245 deep", new Candidate("sms", deepParentheses(245, 1)));
        candidates.put(
                "refused: config: namespace", new Candidate("sms", "{config:property('notification.secrets.key')}"));

        System.out.printf(
                "=== preview, %d requests each, unique templates (parse + check + render), load %s%n",
                requests, load());
        System.out.printf(
                "preview %-46s %6s %-28s %8s %8s %8s %8s%n",
                "template", "chars", "answer", "median", "p95", "max", "out");
        for (Map.Entry<String, Candidate> c : candidates.entrySet()) {
            List<Double> times = new ArrayList<>();
            Answer last = null;
            for (int i = 0; i < 5; i++) {
                preview(c.getValue()); // warm-up
            }
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                last = preview(c.getValue());
                times.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(times);
            System.out.printf(
                    "preview %-46s %6d %-28s %6.1fms %6.1fms %6.1fms %8d%n",
                    c.getKey(),
                    c.getValue().template == null ? 0 : c.getValue().template.length(),
                    last.summary(),
                    times.get(times.size() / 2),
                    times.get((int) Math.ceil(times.size() * 0.95) - 1),
                    times.get(times.size() - 1),
                    last.outputLength);
        }

        Candidate worst = candidates.get("loop: 20 buckets x 3,300 {name} (html)");
        Candidate ordinary = candidates.get("default sms template");
        System.out.printf("=== ordinary preview alone vs. while 4 clients send the worst template, load %s%n", load());
        System.out.printf("preview ordinary alone: median %.1fms%n", medianOf(ordinary, requests));
        ExecutorService attackers = Executors.newFixedThreadPool(4);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger attacks = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            futures.add(attackers.submit(() -> {
                while (running.get()) {
                    preview(worst);
                    attacks.incrementAndGet();
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        double during = medianOf(ordinary, requests);
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Future<?> f : futures) {
            f.get();
        }
        attackers.shutdown();
        System.out.printf(
                "preview ordinary during attack: median %.1fms (%d worst-template previews answered in %.1f s)%n",
                during, attacks.get(), seconds);
    }

    private double medianOf(Candidate c, int n) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            Answer a = preview(c);
            times.add((System.nanoTime() - start) / 1e6);
            if (a.status != 200) {
                throw new IllegalStateException("ordinary preview answered " + a.status);
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private record Candidate(String channel, String template) {}

    private record Answer(int status, String code, int outputLength) {
        String summary() {
            return status + (code == null ? "" : " " + code);
        }
    }

    private Answer preview(Candidate c) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("debtor_name", "N".repeat(200));
        body.put("acc_no", "A".repeat(50));
        body.put("amount_due", 12345.67);
        Map<String, Object> buckets = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            buckets.put(
                    i < 7
                            ? List.of("current", "d30", "d60", "d90", "d120", "d150", "d180")
                                    .get(i)
                            : "x" + i,
                    1.5);
        }
        body.put("buckets", buckets);
        if (c.template != null) {
            // a comment no earlier request had: parsed and checked afresh, never served from the cache
            String fresh = "{!" + unique.incrementAndGet() + "!}";
            String text = c.template.length() + fresh.length() <= LIMIT
                    ? fresh + c.template
                    : fresh + c.template.substring(fresh.length());
            body.put(
                    "template",
                    c.channel.equals("sms") ? Map.of("text", text) : Map.of("subject", "x", "text", "x", "html", text));
        }
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/pharmacies/" + pharmacy
                                + "/templates/" + c.channel + "/preview"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        String out = c.channel.equals("sms")
                ? answer.path("text").asText("")
                : answer.path("html").asText("");
        return new Answer(
                response.statusCode(),
                answer.hasNonNull("code") ? answer.get("code").asText() : null,
                out.length());
    }

    /** Every bucket prints the debtor's 200-character name as often as 20,000 characters allow. */
    private static String loopOfNames() {
        String open = "{#for b in buckets}";
        String close = "{/for}";
        return open + "{name}".repeat((LIMIT - 40 - open.length() - close.length()) / 6) + close;
    }

    /** As much output as the 100,000-character limit lets through: 20 buckets x 24 x 200 characters. */
    private static String largestAllowedOutput() {
        return "{#for b in buckets}" + "{bank_details}".repeat(24) + "{/for}";
    }

    private static String fill(String unit) {
        return unit.repeat((LIMIT - 40) / unit.length());
    }

    /** #if sections 8 deep (the limit) whose conditions are as long as a tag may be, repeated. */
    private static String deepConditions() {
        String condition = "{#if " + "name && acc_no || ".repeat(25) + "name}";
        StringBuilder one = new StringBuilder();
        one.append(condition.repeat(8)).append("{amount_due}").append("{/if}".repeat(8));
        return one.toString().repeat((LIMIT - 40) / one.length());
    }

    /** #if tags holding {@code operands} conditions each in {@code depth} parentheses, as many as fit. */
    private static String deepParentheses(int depth, int operands) {
        String operand = "(".repeat(depth) + "name" + ")".repeat(depth);
        String tag = "{#if " + String.join(" && ", Collections.nCopies(operands, operand)) + "}x{/if}";
        return tag.repeat((LIMIT - 40) / tag.length());
    }

    private static String nested(int depth) {
        return "{#if name}".repeat(depth) + "x" + "{/if}".repeat(depth);
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
