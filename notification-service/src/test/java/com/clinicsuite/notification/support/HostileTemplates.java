package com.clinicsuite.notification.support;

import com.clinicsuite.notification.service.TemplateRule;
import java.util.List;

/**
 * Every namespace, section and built-in Qute offers, each used the way an attacker would, with the sandbox rule
 * that refuses it. The unit test runs them against the sandbox, the API test against PUT and preview.
 */
public final class HostileTemplates {

    private HostileTemplates() {}

    /** One template text and the rule it breaks; {@code renderTime}: found only when rendering data. */
    public record Case(String name, String template, TemplateRule rule, boolean renderTime) {

        Case(String name, String template, TemplateRule rule) {
            this(name, template, rule, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static final String SECRET_PROPERTY = "notification.secrets.key";

    public static List<Case> all() {
        return List.of(
                // namespaces: Quarkus' own engine resolves these from configuration and CDI beans
                new Case("config:property", "{config:property('notification.secrets.key')}", ns()),
                new Case("config:property datasource", "{config:property('quarkus.datasource.password')}", ns()),
                new Case("config:name", "{config:quarkus.datasource.password}", ns()),
                new Case("config:[brackets]", "{config:['notification.secrets.key']}", ns()),
                new Case("config: in #if", "{#if config:property('notification.secrets.key')}x{/if}", ns()),
                new Case("config: as an #if operand", "{#if name == config:property('x')}x{/if}", ns()),
                new Case("inject:", "{inject:secretCipher.decrypt('v1:x')}", ns()),
                new Case("cdi:", "{cdi:secretCipher}", ns()),
                new Case("str:concat", "{str:concat(name, 'x')}", ns()),
                new Case("str:eval", "{str:eval('{config:property(\"notification.secrets.key\")}')}", ns()),
                new Case("str:fmt", "{str:fmt('%s', name)}", ns()),
                new Case("time:format", "{time:format(now, 'yyyy')}", ns()),
                new Case("data:", "{data:name}", ns()),
                new Case("msg:", "{msg:hello}", ns()),
                new Case("global:", "{global:anything}", ns()),
                new Case("any namespace in a loop", "{#for b in buckets}{app:version}{/for}", ns()),
                // sections other than #if and #for/#each
                new Case("#let", "{#let x=name}{x}{/let}", section()),
                new Case("#set", "{#set x='y'}{x}{/set}", section()),
                new Case("#with", "{#with name}{it}{/with}", section()),
                new Case("#include", "{#include reminder-email /}", section()),
                new Case("#insert", "{#insert body}x{/insert}", section()),
                new Case("#fragment", "{#fragment id=f}{name}{/fragment}", section()),
                new Case("#fragment recursion", "{#fragment id=f}{#include $f /}{/fragment}", section()),
                new Case("#capture", "{#capture id=f}{name}{/capture}", section()),
                new Case("#eval", "{#eval \"{config:property('notification.secrets.key')}\" /}", section()),
                new Case("#when", "{#when name}{#is 'x'}y{/when}", section()),
                new Case("#switch", "{#switch name}{#case 'x'}y{/switch}", section()),
                new Case("#cache", "{#cache}{name}{/cache}", section()),
                new Case("#else outside #if", "{#else}x", section()),
                new Case("user tag", "{#myTag /}", section()),
                new Case("parameter declaration", "{@java.lang.System sys}{name}", section()),
                // loops only over the buckets given, never nested
                new Case("#for over a number", "{#for i in 200000000}x{/for}", loop()),
                new Case("#each over a number", "{#each 200000000}x{/each}", loop()),
                new Case("#for over a string", "{#for c in name}{c}{/for}", loop()),
                new Case("#for over a namespace", "{#for c in config:property('x')}{c}{/for}", loop()),
                new Case("#for over a method", "{#for c in buckets.reversed()}{c.label}{/for}", loop()),
                new Case(
                        "nested loops",
                        "{#for a in buckets}{#for b in buckets}{#for c in buckets}x{/for}{/for}{/for}",
                        loop()),
                new Case("#each inside #for", "{#for a in buckets}{#each buckets}x{/each}{/for}", loop()),
                // virtual methods, operators, properties beyond the placeholders
                new Case(".raw", "{name.raw}", placeholder()),
                new Case(".safe", "{name.safe}", placeholder()),
                new Case(".or", "{name.or('x')}", method()),
                new Case("infix or", "{name or 'x'}", method()),
                new Case("elvis", "{name ?: 'x'}", method()),
                new Case("string concatenation", "{name + 'x'}", method()),
                new Case("string concatenation in #if", "{#if name + 'x' == 'y'}x{/if}", placeholder()),
                new Case("reflection chain", "{name.getClass().getClassLoader()}", method()),
                new Case("getClass property", "{name.class}", placeholder()),
                new Case("length()", "{#if name.length() > 3}x{/if}", method()),
                new Case("bracket property", "{name['bytes']}", placeholder()),
                new Case("unknown placeholder", "{balance_owing}", placeholder()),
                new Case("the list itself", "{buckets}", placeholder()),
                new Case("bucket beyond its fields", "{#for b in buckets}{b.label.class}{/for}", placeholder()),
                new Case("loop alias outside its loop", "{#for b in buckets}{/for}{b.label}", placeholder()),
                new Case("a loop alias alone", "{#for b in buckets}{b}{/for}", placeholder()),
                // conditions: every value is text
                new Case("a number in a condition", "{#if amount_due > 100}x{/if}", condition()),
                new Case("null in a condition", "{#if name == null}x{/if}", condition()),
                new Case("an ordering of the list", "{#if buckets > name}x{/if}", condition(), true),
                // size, depth and output
                new Case("too long", "{name}" + "x".repeat(20_001), TemplateRule.TOO_LONG),
                new Case("sections 9 deep", "{#if name}".repeat(9) + "x" + "{/if}".repeat(9), complex()),
                new Case("sections 800 deep", "{#if name}".repeat(800) + "x" + "{/if}".repeat(800), complex()),
                new Case(
                        "parentheses 2000 deep",
                        "{#if " + "(".repeat(2_000) + "name" + ")".repeat(2_000) + "}x{/if}",
                        complex()),
                new Case("brackets 3000 long", "{name" + "['a']".repeat(3_000) + "}", complex()),
                new Case("a 501-character tag", "{#if " + "name && ".repeat(62) + "name}x{/if}", complex()),
                new Case(
                        "a long tag hidden behind a quoted brace",
                        "{#if name == '}' && " + "name && ".repeat(62) + "name}x{/if}",
                        complex()),
                new Case(
                        "output too large",
                        "{#for b in buckets}" + "{bank_details}".repeat(1_400) + "{/for}",
                        TemplateRule.OUTPUT_TOO_LARGE,
                        true));
    }

    private static TemplateRule ns() {
        return TemplateRule.UNKNOWN_NAMESPACE;
    }

    private static TemplateRule section() {
        return TemplateRule.SECTION_NOT_ALLOWED;
    }

    private static TemplateRule loop() {
        return TemplateRule.LOOP_NOT_ALLOWED;
    }

    private static TemplateRule method() {
        return TemplateRule.METHOD_NOT_ALLOWED;
    }

    private static TemplateRule placeholder() {
        return TemplateRule.UNKNOWN_PLACEHOLDER;
    }

    private static TemplateRule condition() {
        return TemplateRule.INVALID_CONDITION;
    }

    private static TemplateRule complex() {
        return TemplateRule.TOO_COMPLEX;
    }
}
