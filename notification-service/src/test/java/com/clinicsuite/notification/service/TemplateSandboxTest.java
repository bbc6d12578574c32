package com.clinicsuite.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clinicsuite.notification.support.HostileTemplates;
import com.clinicsuite.notification.support.HostileTemplates.Case;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox on its own: every namespace, section and built-in of Qute is refused with the rule it breaks, at
 * check time and at render time, in text and HTML; what templates may do still renders. A canary secret is set
 * where an unsandboxed engine's {@code config:} namespace would find it (a system property).
 */
class TemplateSandboxTest {

    private static final String CANARY = "canary-secret-7f3a9c";
    /**
     * The time limit is generous so that, on a loaded machine, a case is refused by its own rule (the output limit
     * is reached after ~100,000 characters) and not by the clock; the time limit has a test of its own.
     */
    private static final TemplateSandbox SANDBOX = new TemplateSandbox(20_000, 100_000, Duration.ofSeconds(30));

    static final TemplateValues VALUES = new TemplateValues(
            "Thandi <b>Nkosi</b>",
            "WP1001",
            "R 1 234.56",
            "Winterton Pharmacy",
            "036 000 0000",
            "FNB 62000000000 branch 250655",
            List.of(
                    new TemplateValues.Bucket("Current", "R 10.00"),
                    new TemplateValues.Bucket("30 days", "R 20.00"),
                    new TemplateValues.Bucket("60 days", "R 1 000.00"),
                    new TemplateValues.Bucket("90 days", "R 234.56"),
                    new TemplateValues.Bucket("120 days", "R 30.00"),
                    new TemplateValues.Bucket("150 days", "R 40.00"),
                    new TemplateValues.Bucket("180 days", "R 50.00")));

    private static String previous;

    @BeforeAll
    static void plantCanary() {
        previous = System.setProperty(HostileTemplates.SECRET_PROPERTY, CANARY);
    }

    @AfterAll
    static void removeCanary() {
        if (previous == null) {
            System.clearProperty(HostileTemplates.SECRET_PROPERTY);
        } else {
            System.setProperty(HostileTemplates.SECRET_PROPERTY, previous);
        }
    }

    static Stream<Case> hostile() {
        return HostileTemplates.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void everyHostileTemplateIsRefusedWithItsRuleAndRendersNothing(Case c) {
        for (boolean html : new boolean[] {false, true}) {
            TemplateRejectedException rejected = catchThrowableOfType(
                    TemplateRejectedException.class, () -> SANDBOX.render("text", c.template(), html, VALUES));
            assertThat(rejected).as(c.name() + (html ? " (html)" : "")).isNotNull();
            assertThat(rejected.rule())
                    .as(c.name() + ": " + rejected.getMessage())
                    .isEqualTo(c.rule());
            assertThat(rejected.errors()).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("template");
                assertThat(e.message()).startsWith("text: ");
            });
            assertThat(rejected.getMessage()).doesNotContain(CANARY);
        }
        if (!c.renderTime()) {
            // all but the output size and a few conditions is known before any data is rendered
            assertThatThrownBy(() -> SANDBOX.check("text", c.template(), false))
                    .isInstanceOfSatisfying(
                            TemplateRejectedException.class,
                            e -> assertThat(e.rule()).isEqualTo(c.rule()));
        }
    }

    @Test
    void whatTemplatesMayDoStillRenders() {
        assertThat(render("{#if name}Dear {name}{#else}Dear customer{/if}, {amount_due} on {acc_no}"))
                .isEqualTo("Dear Thandi <b>Nkosi</b>, R 1 234.56 on WP1001");
        assertThat(render("{#for b in buckets}{b.label}: {b.amount}{#if b_hasNext}; {/if}{/for}"))
                .isEqualTo("Current: R 10.00; 30 days: R 20.00; 60 days: R 1 000.00; 90 days: R 234.56;"
                        + " 120 days: R 30.00; 150 days: R 40.00; 180 days: R 50.00");
        assertThat(render("{#each buckets}{it_count}.{it.label} {/each}"))
                .isEqualTo("1.Current 2.30 days 3.60 days 4.90 days 5.120 days 6.150 days 7.180 days ");
        assertThat(render("{#if buckets}{#for b in buckets}{#if b_isLast}{b.amount}{/if}{/for}{/if}"))
                .isEqualTo("R 50.00");
        assertThat(render("{#if amount_due == 'R 1 234.56' && pharmacy_phone}due{/if}{! a note !}"))
                .isEqualTo("due");
        assertThat(render("Pay {payment_reference} to {bank_details}, {pharmacy_name} {pharmacy_phone}"))
                .isEqualTo("Pay WP1001 to FNB 62000000000 branch 250655, Winterton Pharmacy 036 000 0000");
    }

    private static String render(String template) {
        return SANDBOX.render("text", template, false, VALUES);
    }

    @Test
    void tagsAreMeasuredAsQutesParserReadsThem() {
        String long600 = "x".repeat(600);
        assertThat(TemplateSandbox.tagProblem("{name} \\{" + long600 + "}")).isNull();
        assertThat(TemplateSandbox.tagProblem("{! " + long600 + " !}{name}")).isNull();
        assertThat(TemplateSandbox.tagProblem("{| {" + long600 + "} |}{name}")).isNull();
        assertThat(TemplateSandbox.tagProblem("{ " + long600 + " }")).isNull();
        assertThat(TemplateSandbox.tagProblem("ab{name" + long600 + "}"))
                .startsWith("the tag {namexxx")
                .endsWith("is longer than 500 characters");
        assertThat(TemplateSandbox.tagProblem("{#if name == '}" + long600 + "'}x{/if}"))
                .startsWith("the tag {#if name == '}xxx");
        assertThat(render("{! " + long600 + " !}{name}")).isEqualTo("Thandi <b>Nkosi</b>");

        String ten = "(".repeat(10) + "name" + ")".repeat(10);
        assertThat(TemplateSandbox.tagProblem("{#if " + ten + "}x{/if}")).isNull();
        assertThat(render("{#if " + ten + " && " + ten + "}x{/if}")).isEqualTo("x");
        assertThat(TemplateSandbox.tagProblem("{#if (" + ten + ")}x{/if}")).endsWith("more than 10 deep");
        assertThat(TemplateSandbox.tagProblem("{#if name == '(((((((((((('}x{/if}"))
                .isNull();
        assertThat(TemplateSandbox.tagProblem("(((((((((((( {name}")).isNull();
    }

    @Test
    void theSandboxRefusesToRenderOnAnEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<Throwable> thrown = new CompletableFuture<>();
            vertx.runOnContext(v -> {
                try {
                    SANDBOX.render("text", "{name}", false, VALUES);
                    thrown.complete(null);
                } catch (Throwable t) {
                    thrown.complete(t);
                }
            });
            assertThat(thrown.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("worker thread");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEmptyListTakesTheLoopsElseBlock() {
        TemplateValues none = new TemplateValues("A", "B", "R 0.00", "P", "0", "bank", List.of());
        assertThat(SANDBOX.render("text", "{#for b in buckets}{b.label}{#else}nothing overdue{/for}", false, none))
                .isEqualTo("nothing overdue");
    }

    @Test
    void htmlPartsEscapeEveryValue() {
        assertThat(SANDBOX.render("html", "<p>{name}</p>", true, VALUES))
                .isEqualTo("<p>Thandi &lt;b&gt;Nkosi&lt;/b&gt;</p>");
        assertThat(SANDBOX.render("text", "{name}", false, VALUES)).isEqualTo("Thandi <b>Nkosi</b>");
    }

    @Test
    void aRenderOverItsTimeLimitIsRefusedAsTooSlow() {
        TemplateSandbox noTime = new TemplateSandbox(20_000, 100_000, Duration.ZERO);
        assertThatThrownBy(() -> noTime.render("text", "{#for b in buckets}{b.label}{/for}", false, VALUES))
                .isInstanceOfSatisfying(TemplateRejectedException.class, e -> {
                    assertThat(e.rule()).isEqualTo(TemplateRule.TOO_SLOW);
                    assertThat(e.getMessage()).contains("longer than 0 ms");
                });
    }

    @Test
    void theLimitsAreTheConfiguredOnes() {
        TemplateSandbox small = new TemplateSandbox(12, 20, Duration.ofSeconds(1));
        assertThatThrownBy(() -> small.check("subject", "{name} {acc_no}", false))
                .isInstanceOfSatisfying(TemplateRejectedException.class, e -> {
                    assertThat(e.rule()).isEqualTo(TemplateRule.TOO_LONG);
                    assertThat(e.getMessage()).contains("15 characters").contains("at most 12");
                });
        assertThat(small.render("subject", "{acc_no}", false, VALUES)).isEqualTo("WP1001");
        assertThatThrownBy(() -> small.render("subject", "{name}{name}", false, VALUES))
                .isInstanceOfSatisfying(
                        TemplateRejectedException.class,
                        e -> assertThat(e.rule()).isEqualTo(TemplateRule.OUTPUT_TOO_LARGE));
    }

    @Test
    void aRefusalSaysWhichRuleAndWhatIsAllowed() {
        TemplateRejectedException e = catchThrowableOfType(
                TemplateRejectedException.class,
                () -> SANDBOX.check("text", "Hi {config:property('notification.secrets.key')}", false));
        assertThat(e.rule().code()).isEqualTo("template_unknown_namespace");
        assertThat(e.getMessage()).contains("'config:'").contains("amount_due");

        e = catchThrowableOfType(
                TemplateRejectedException.class, () -> SANDBOX.check("html", "{#let a=name}{a}{/let}", true));
        assertThat(e.rule().code()).isEqualTo("template_section_not_allowed");
        assertThat(e.errors().get(0).message()).startsWith("html: ").contains("{#let a=name}");

        e = catchThrowableOfType(TemplateRejectedException.class, () -> SANDBOX.check("text", "{#if name}x", false));
        assertThat(e.rule()).isEqualTo(TemplateRule.SYNTAX);
        assertThat(e.getMessage()).contains("if");
    }

    @Test
    void aRefusedTemplateIsRefusedAgainWithoutChangingItsAnswer() {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            messages.add(catchThrowableOfType(
                            TemplateRejectedException.class, () -> SANDBOX.check("text", "{inject:cipher}", false))
                    .getMessage());
        }
        assertThat(messages).containsOnly(messages.get(0));
    }
}
