package com.clinicsuite.notification.service;

import com.clinicsuite.notification.config.NotificationConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Expression;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.IfSectionHelper;
import io.quarkus.qute.LoopSectionHelper;
import io.quarkus.qute.Mapper;
import io.quarkus.qute.ParserError;
import io.quarkus.qute.Results;
import io.quarkus.qute.SectionBlock;
import io.quarkus.qute.SectionNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Renders pharmacies' templates in a Qute engine of their own, built with {@code Engine.builder()} and nothing
 * else: the sections {@code #if}, {@code #for} and {@code #each}; value resolvers for {@link TemplateValues}, its
 * buckets and loop elements only; no namespaces (no {@code config:}, {@code inject:}, {@code cdi:}), no beans,
 * no reflection, no includes. Before a template is used it is parsed and checked against these rules
 * ({@link #check}); rendering then has an output limit and a time limit. Every refusal is a
 * {@link TemplateRejectedException} naming its {@link TemplateRule}.
 */
@ApplicationScoped
public class TemplateSandbox {

    private static final Logger LOG = Logger.getLogger(TemplateSandbox.class);

    /** Deepest nesting of sections ({@code #if} inside {@code #for} ...); Qute recurses per level. */
    static final int MAX_NESTING = 8;

    /**
     * Longest tag, {@code {...}}, and deepest parentheses within one: Qute's parser recurses on parentheses,
     * brackets and method chains within a tag, overflows the stack somewhere between a few hundred and a few thousand
     * levels (depending on the thread), and takes time that grows faster than the tag's length.
     */
    static final int MAX_TAG_LENGTH = 500;

    static final int MAX_PARENTHESES = 10;

    /** Source characters of the checked templates kept (about 100 of the longest allowed, far more real ones). */
    private static final long CACHED_CHARACTERS = 2_000_000;

    private static final Variant HTML = Variant.forContentType(Variant.TEXT_HTML);
    private static final Variant TEXT = Variant.forContentType(Variant.TEXT_PLAIN);
    private static final String BUDGET = "clinicsuite.sandbox.budget";
    private static final String DEFAULT_LOOP_ALIAS = "it";
    private static final Set<String> LOOP_METADATA =
            Set.of("count", "index", "indexParity", "hasNext", "isLast", "isFirst", "odd", "even", "isOdd", "isEven");
    private static final String ALLOWED = "name, acc_no, amount_due, payment_reference, pharmacy_name,"
            + " pharmacy_phone, bank_details and {#for bucket in buckets}{bucket.label} {bucket.amount}{/for}";

    private final int maxLength;
    private final int maxOutput;
    private final Duration renderTimeLimit;
    private final Engine engine;
    /**
     * Checked templates by source, weighed by length: a parsed template takes memory in proportion to its source, and
     * anyone who may preview can send new ones, so the cache is bounded by characters, not entries.
     */
    private final Cache<String, Checked> checked = Caffeine.newBuilder()
            .maximumWeight(CACHED_CHARACTERS)
            .weigher((String key, Checked value) -> key.length())
            .build();

    /** A parsed template that passed the rules, or the rule it broke (kept so a bad template is parsed once). */
    private record Checked(Template template, TemplateRule rule, String message) {}

    @Inject
    public TemplateSandbox(NotificationConfig config) {
        this(
                config.templates().maxLength(),
                config.templates().maxOutput(),
                config.templates().renderTimeLimit());
    }

    public TemplateSandbox(int maxLength, int maxOutput, Duration renderTimeLimit) {
        this.maxLength = maxLength;
        this.maxOutput = maxOutput;
        this.renderTimeLimit = renderTimeLimit;
        this.engine = Engine.builder()
                .addSectionHelper(new IfSectionHelper.Factory())
                .addSectionHelper(new LoopSectionHelper.Factory())
                .addValueResolver(new ValuesResolver())
                .addValueResolver(new BucketResolver())
                .addValueResolver(new LoopElementResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .strictRendering(true)
                .removeStandaloneLines(true)
                .build();
    }

    /** Parses one part and checks every rule that does not need data; throws {@link TemplateRejectedException}. */
    public void check(String part, String source, boolean html) {
        checked(part, source, html);
    }

    /**
     * Renders one part for the given values within the output and time limits. Never on a Vert.x event loop: a
     * render may use its whole time limit, which would stall every request and reminder on that loop.
     */
    public String render(String part, String source, boolean html, TemplateValues values) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("Templates render on a worker thread, not on the event loop");
        }
        Template template = checked(part, source, html);
        RenderBudget budget = new RenderBudget(part, System.nanoTime(), renderTimeLimit.toNanos(), maxOutput);
        StringBuilder out = new StringBuilder();
        try {
            template.instance()
                    .data(values)
                    .setAttribute(BUDGET, budget)
                    .consume(chunk -> budget.append(out, chunk))
                    .toCompletableFuture()
                    .get(renderTimeLimit.toNanos(), TimeUnit.NANOSECONDS);
            return out.toString();
        } catch (ExecutionException | TemplateException e) {
            throw rejection(part, e);
        } catch (TimeoutException e) {
            throw budget.tooSlow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw budget.tooSlow();
        } catch (StackOverflowError e) {
            throw new TemplateRejectedException(TemplateRule.TOO_COMPLEX, part, "the template is nested too deeply");
        }
    }

    private Template checked(String part, String source, boolean html) {
        String text = source == null ? "" : source;
        if (text.length() > maxLength) {
            throw new TemplateRejectedException(
                    TemplateRule.TOO_LONG,
                    part,
                    "the template has " + text.length() + " characters; at most " + maxLength + " are allowed");
        }
        String key = (html ? "h" : "t") + part + '\u0000' + text;
        Checked result = checked.get(key, k -> parseAndCheck(part, text, html));
        if (result.rule() != null) {
            throw new TemplateRejectedException(result.rule(), part, result.message());
        }
        return result.template();
    }

    private Checked parseAndCheck(String part, String source, boolean html) {
        String tagProblem = tagProblem(source);
        if (tagProblem != null) {
            return new Checked(null, TemplateRule.TOO_COMPLEX, tagProblem);
        }
        Template template;
        try {
            template = engine.parse(source, html ? HTML : TEXT, part);
        } catch (TemplateException e) {
            if (e.getCode() == ParserError.NO_SECTION_HELPER_FOUND) {
                return new Checked(
                        null,
                        TemplateRule.SECTION_NOT_ALLOWED,
                        "the section " + clip(String.valueOf(e.getArguments().get("tag")))
                                + " is not available; templates can use {#if}, {#for} and {#each} (over buckets)");
            }
            return new Checked(null, TemplateRule.SYNTAX, "the template does not parse: " + parserMessage(e));
        } catch (StackOverflowError e) {
            // Qute's parser recurses on nested brackets and parentheses; its state is local to this call
            return new Checked(null, TemplateRule.TOO_COMPLEX, "the template is nested too deeply");
        } catch (RuntimeException e) {
            return new Checked(
                    null,
                    e.getCause() instanceof StackOverflowError ? TemplateRule.TOO_COMPLEX : TemplateRule.SYNTAX,
                    e.getCause() instanceof StackOverflowError
                            ? "the template is nested too deeply"
                            : "the template does not parse");
        }
        try {
            checkNodes(template.getNodes(), null, 0);
        } catch (Violation v) {
            return new Checked(null, v.rule, v.getMessage());
        }
        return new Checked(template, null, null);
    }

    /**
     * The first tag longer than {@link #MAX_TAG_LENGTH} or with parentheses deeper than {@link #MAX_PARENTHESES}, or
     * null. Reads the source as Qute's parser does: a tag opens with a brace followed by a letter, digit,
     * {@code _ # / @}; comments {@code {! !}} and unparsed {@code {| |}} blocks are text; a backslash escapes the
     * next character; quoted literals may hold braces and parentheses.
     */
    static String tagProblem(String source) {
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c != '{' || i + 1 >= n) {
                i++;
                continue;
            }
            char next = source.charAt(i + 1);
            if (next == '!' || next == '|') {
                int end = source.indexOf(next + "}", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (!(next == '#' || next == '/' || next == '@' || next == '_' || Character.isLetterOrDigit(next))) {
                i++;
                continue;
            }
            int start = i;
            char quote = 0;
            int parentheses = 0;
            i++;
            while (i < n) {
                char t = source.charAt(i);
                if (quote != 0) {
                    if (t == quote) {
                        quote = 0;
                    }
                } else if (t == '\'' || t == '"') {
                    quote = t;
                } else if (t == '(' && ++parentheses > MAX_PARENTHESES) {
                    return "the tag " + clip(source.substring(start)) + " nests parentheses more than "
                            + MAX_PARENTHESES + " deep";
                } else if (t == ')') {
                    parentheses--;
                } else if (t == '}') {
                    break;
                }
                if (i - start > MAX_TAG_LENGTH) {
                    return "the tag " + clip(source.substring(start)) + " is longer than " + MAX_TAG_LENGTH
                            + " characters";
                }
                i++;
            }
            i++;
        }
        return null;
    }

    private void checkNodes(List<TemplateNode> nodes, String loopAlias, int depth) {
        for (TemplateNode node : nodes) {
            switch (node.kind()) {
                case TEXT -> {}
                case EXPRESSION -> {
                    for (Expression expression : node.getExpressions()) {
                        checkExpression(expression, loopAlias, Use.OUTPUT);
                    }
                }
                case PARAM_DECLARATION ->
                    throw new Violation(
                            TemplateRule.SECTION_NOT_ALLOWED, "parameter declarations ({@...}) are not available");
                case SECTION -> checkSection(node.asSection(), loopAlias, depth + 1);
            }
        }
    }

    private void checkSection(SectionNode section, String loopAlias, int depth) {
        if (depth > MAX_NESTING) {
            throw new Violation(
                    TemplateRule.TOO_COMPLEX, "sections are nested more than " + MAX_NESTING + " levels deep");
        }
        List<SectionBlock> blocks = section.getBlocks();
        if (section.getHelper() instanceof LoopSectionHelper) {
            if (loopAlias != null) {
                throw new Violation(TemplateRule.LOOP_NOT_ALLOWED, "loops cannot be nested");
            }
            SectionBlock main = blocks.get(0);
            Expression iterable = main.expressions.get("iterable");
            if (iterable == null
                    || iterable.hasNamespace()
                    || iterable.isLiteral()
                    || iterable.getParts().size() != 1
                    || iterable.getParts().get(0).isVirtualMethod()
                    || !iterable.getParts().get(0).getName().equals(TemplateValues.BUCKETS)) {
                throw new Violation(
                        TemplateRule.LOOP_NOT_ALLOWED,
                        "loops can only go over buckets ({#for bucket in buckets}), not "
                                + (iterable == null ? "nothing" : clip(iterable.toOriginalString())));
            }
            String alias = main.parameters.get("alias");
            alias = alias == null || alias.equals("$empty$") ? DEFAULT_LOOP_ALIAS : alias;
            checkNodes(main.nodes, alias, depth);
            for (SectionBlock other : blocks.subList(1, blocks.size())) {
                checkNodes(other.nodes, loopAlias, depth); // {#else}: runs when there are no buckets
            }
        } else if (section.getHelper() instanceof IfSectionHelper) {
            for (SectionBlock block : blocks) {
                for (Expression condition : block.expressions.values()) {
                    checkExpression(condition, loopAlias, Use.CONDITION);
                }
                checkNodes(block.nodes, loopAlias, depth);
            }
        } else {
            throw new Violation(
                    TemplateRule.SECTION_NOT_ALLOWED,
                    "the section {#" + clip(section.getName()) + "} is not available");
        }
    }

    private enum Use {
        OUTPUT,
        CONDITION
    }

    private void checkExpression(Expression expression, String loopAlias, Use use) {
        String shown = "{" + clip(expression.toOriginalString()) + "}";
        if (expression.hasNamespace()) {
            throw new Violation(
                    TemplateRule.UNKNOWN_NAMESPACE,
                    "the namespace '" + clip(expression.getNamespace()) + ":' in " + shown
                            + " is not available; templates can use only " + ALLOWED);
        }
        if (expression.isLiteral()) {
            Object literal = expression.getLiteral();
            if (use == Use.CONDITION && !(literal instanceof String || literal instanceof Boolean)) {
                // every placeholder is text: Qute compares text with a number by parsing the text, and fails
                throw new Violation(
                        TemplateRule.INVALID_CONDITION,
                        shown + ": placeholders are text, so conditions compare them with quoted text, e.g."
                                + " {#if acc_no == '1001'}");
            }
            return;
        }
        List<Expression.Part> parts = expression.getParts();
        for (Expression.Part p : parts) {
            if (p.isVirtualMethod()) {
                throw new Violation(
                        TemplateRule.METHOD_NOT_ALLOWED,
                        shown + " calls " + clip(p.getName())
                                + "(...); templates cannot call methods or operators, only print " + ALLOWED);
            }
        }
        String first = parts.get(0).getName();
        boolean known;
        if (loopAlias != null && first.equals(loopAlias)) {
            known = parts.size() == 2
                    && TemplateValues.BUCKET_PROPERTIES.contains(parts.get(1).getName());
            if (!known) {
                throw new Violation(
                        TemplateRule.UNKNOWN_PLACEHOLDER,
                        shown + ": a bucket has only " + loopAlias + ".label and " + loopAlias + ".amount");
            }
        } else if (loopAlias != null && first.startsWith(loopAlias + "_")) {
            known = parts.size() == 1 && LOOP_METADATA.contains(first.substring(loopAlias.length() + 1));
        } else if (first.equals(TemplateValues.BUCKETS)) {
            known = parts.size() == 1 && use == Use.CONDITION;
        } else {
            known = parts.size() == 1 && TemplateValues.PLACEHOLDERS.contains(first);
        }
        if (!known) {
            throw new Violation(
                    TemplateRule.UNKNOWN_PLACEHOLDER, shown + " is not a placeholder; templates can use " + ALLOWED);
        }
    }

    private static TemplateRejectedException rejection(String part, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TemplateRejectedException rejected) {
                return rejected;
            }
            if (t instanceof StackOverflowError) {
                return new TemplateRejectedException(
                        TemplateRule.TOO_COMPLEX, part, "the template is nested too deeply");
            }
        }
        // The checks leave nothing unresolvable: what remains are conditions Qute cannot evaluate for these values
        // (an ordering of a list or of true/false). Qute's message is not passed on: it may quote values.
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        LOG.debugf(
                "A checked template failed to render in part %s: %s",
                part, root.getClass().getName());
        return new TemplateRejectedException(
                TemplateRule.INVALID_CONDITION,
                part,
                "a condition cannot be evaluated: placeholders are text, compare them with quoted text (== !=)");
    }

    private static String parserMessage(TemplateException e) {
        String message = e.getMessage() == null ? "syntax error" : e.getMessage();
        return clip(message.replaceFirst("^Parser error[^:]*: ", ""));
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private static final class Violation extends RuntimeException {
        final TemplateRule rule;

        Violation(TemplateRule rule, String message) {
            super(message, null, false, false);
            this.rule = rule;
        }
    }

    /** Time and output left to one rendering; checked on every value resolved, loop step and chunk written. */
    private static final class RenderBudget {
        private final String part;
        private final long start;
        private final long limitNanos;
        private final int maxOutput;

        RenderBudget(String part, long start, long limitNanos, int maxOutput) {
            this.part = part;
            this.start = start;
            this.limitNanos = limitNanos;
            this.maxOutput = maxOutput;
        }

        void tick() {
            if (System.nanoTime() - start >= limitNanos) {
                throw tooSlow();
            }
        }

        void append(StringBuilder out, String chunk) {
            tick();
            if (out.length() + chunk.length() > maxOutput) {
                throw new TemplateRejectedException(
                        TemplateRule.OUTPUT_TOO_LARGE,
                        part,
                        "the rendered text would be longer than " + maxOutput + " characters");
            }
            out.append(chunk);
        }

        TemplateRejectedException tooSlow() {
            return new TemplateRejectedException(
                    TemplateRule.TOO_SLOW,
                    part,
                    "rendering took longer than " + Duration.ofNanos(limitNanos).toMillis() + " ms");
        }
    }

    private static RenderBudget budget(EvalContext context) {
        RenderBudget budget = (RenderBudget) context.getAttribute(BUDGET);
        budget.tick();
        return budget;
    }

    /** The top-level placeholders, from {@link TemplateValues} only. */
    private static final class ValuesResolver implements ValueResolver {
        @Override
        public boolean appliesTo(EvalContext context) {
            return context.getBase() instanceof TemplateValues;
        }

        @Override
        public CompletionStage<Object> resolve(EvalContext context) {
            RenderBudget budget = budget(context);
            TemplateValues values = (TemplateValues) context.getBase();
            if (context.getName().equals(TemplateValues.BUCKETS)) {
                return CompletedStage.of(new BudgetedList<>(values.buckets(), budget));
            }
            String value = values.value(context.getName());
            return value == null ? Results.notFound(context) : CompletedStage.of(value);
        }
    }

    /** {@code bucket.label}, {@code bucket.amount}. */
    private static final class BucketResolver implements ValueResolver {
        @Override
        public boolean appliesTo(EvalContext context) {
            return context.getBase() instanceof TemplateValues.Bucket;
        }

        @Override
        public CompletionStage<Object> resolve(EvalContext context) {
            budget(context);
            String value = ((TemplateValues.Bucket) context.getBase()).value(context.getName());
            return value == null ? Results.notFound(context) : CompletedStage.of(value);
        }
    }

    /** The loop's alias and metadata ({@code bucket_hasNext} ...): Qute hands them over as a {@link Mapper}. */
    private static final class LoopElementResolver implements ValueResolver {
        @Override
        public boolean appliesTo(EvalContext context) {
            return context.getBase() instanceof Mapper;
        }

        @Override
        public CompletionStage<Object> resolve(EvalContext context) {
            budget(context);
            Mapper element = (Mapper) context.getBase();
            return element.appliesTo(context.getName())
                    ? element.getAsync(context.getName())
                    : Results.notFound(context);
        }
    }

    /** The buckets as the loop sees them: each step checks the time left. */
    private static final class BudgetedList<T> extends AbstractList<T> {
        private final List<T> items;
        private final RenderBudget budget;

        BudgetedList(List<T> items, RenderBudget budget) {
            this.items = items;
            this.budget = budget;
        }

        @Override
        public T get(int index) {
            budget.tick();
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public Iterator<T> iterator() {
            Iterator<T> it = items.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public T next() {
                    budget.tick();
                    return it.next();
                }
            };
        }
    }
}
