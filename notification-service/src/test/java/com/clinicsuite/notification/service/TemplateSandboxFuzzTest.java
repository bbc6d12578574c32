package com.clinicsuite.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicsuite.notification.support.HostileTemplates;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Random template text against the sandbox: it renders or is refused with {@link TemplateRejectedException}, never
 * any other exception; it never renders a secret it was not given (a canary planted where Quarkus' own engine would
 * find it); a render ends within the time limit. Under {@code mvn test} this runs in regression mode over the seeds
 * in {@code TemplateSandboxFuzzTestInputs/} (allowed and hostile templates); {@code JAZZER_FUZZ=1} mutates them.
 */
class TemplateSandboxFuzzTest {

    private static final String CANARY = "fuzz-canary-0b5e2d";
    private static final Duration LIMIT = Duration.ofSeconds(1);
    /** What a loaded machine may add to a render that obeyed the limit (GC, scheduling). */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private static final TemplateSandbox SANDBOX = new TemplateSandbox(20_000, 100_000, LIMIT);
    private static String previous;

    @BeforeAll
    static void plantCanaryAndWarmUp() {
        previous = System.setProperty(HostileTemplates.SECRET_PROPERTY, CANARY);
        // classes load (and Jazzer instruments them) here, not inside the first timed render
        SANDBOX.render(
                "text",
                "{#for b in buckets}{#if b_hasNext}{b.label}{/if}{/for}{name}",
                true,
                TemplateSandboxTest.VALUES);
    }

    @AfterAll
    static void removeCanary() {
        if (previous == null) {
            System.clearProperty(HostileTemplates.SECRET_PROPERTY);
        } else {
            System.setProperty(HostileTemplates.SECRET_PROPERTY, previous);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(FuzzedDataProvider data) {
        boolean html = data.consumeBoolean();
        String template = data.consumeRemainingAsString();
        try {
            SANDBOX.check("text", template, html);
        } catch (TemplateRejectedException refused) {
            return; // refusing is a correct answer
        }
        long start = System.nanoTime();
        try {
            String out = SANDBOX.render("text", template, html, TemplateSandboxTest.VALUES);
            if (!template.contains(CANARY)) {
                assertThat(out).doesNotContain(CANARY);
            }
        } catch (TemplateRejectedException refused) {
            // output too large or too slow: the sandbox's own answer
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LIMIT.plus(GRACE));
    }
}
