package com.clinicsuite.notification.service;

import com.clinicsuite.notification.client.ReminderLanguage;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.web.errors.ApiError;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The reminder templates of each channel: the built-in defaults, and rendering a pharmacy's template for one
 * debtor in the {@link TemplateSandbox}, on a worker thread (never on the event loop, so a slow template holds up
 * no other request or reminder). Placeholders: {@link TemplateValues}. HTML parts are HTML-escaped.
 */
@ApplicationScoped
public class ReminderTemplates {

    private static final List<String> BUCKET_ORDER = List.of("current", "d30", "d60", "d90", "d120", "d150", "d180");

    /** Trial data for a template being saved: every bucket filled, so every loop runs as often as it can. */
    private static final ReminderContent SAMPLE = new ReminderContent(
            "Sample Debtor",
            "SAMPLE01",
            new BigDecimal("1234.56"),
            Map.of(
                    "current", new BigDecimal("10.00"),
                    "d30", new BigDecimal("20.00"),
                    "d60", new BigDecimal("1000.00"),
                    "d90", new BigDecimal("234.56"),
                    "d120", new BigDecimal("30.00"),
                    "d150", new BigDecimal("40.00"),
                    "d180", new BigDecimal("50.00")),
            "Sample Pharmacy",
            "000 000 0000",
            "Sample Bank 000000",
            ReminderLanguage.EN,
            "statement_SAMPLE01.pdf");

    private final TemplateSandbox sandbox;
    private final Vertx vertx;
    /** Built-in templates by channel, then language. */
    private final Map<ReminderChannel, Map<ReminderLanguage, TemplateSource>> defaults;

    public ReminderTemplates(TemplateSandbox sandbox, Vertx vertx) {
        this.sandbox = sandbox;
        this.vertx = vertx;
        Map<ReminderLanguage, TemplateSource> email = new EnumMap<>(ReminderLanguage.class);
        Map<ReminderLanguage, TemplateSource> sms = new EnumMap<>(ReminderLanguage.class);
        for (ReminderLanguage language : ReminderLanguage.values()) {
            // English keeps the folder's top level; other languages live in a subfolder named by their code
            String folder = language == ReminderLanguage.EN ? "" : language.code() + "/";
            email.put(
                    language,
                    new TemplateSource(
                            resource(folder + "reminder-email-subject.txt").strip(),
                            resource(folder + "reminder-email.html"),
                            resource(folder + "reminder-email.txt")));
            sms.put(language, new TemplateSource(null, null, resource(folder + "reminder-sms.txt")));
        }
        this.defaults = Map.of(ReminderChannel.EMAIL, email, ReminderChannel.SMS, sms);
        defaults.values().stream()
                .flatMap(byLanguage -> byLanguage.values().stream())
                .forEach(
                        source -> { // the built-in templates obey the same rules
                            sandbox.check("subject", source.subject(), false);
                            sandbox.check("html", source.html(), true);
                            sandbox.check("text", source.text(), false);
                        });
    }

    /** The built-in English template. */
    public TemplateSource defaultFor(ReminderChannel channel) {
        return defaultFor(channel, ReminderLanguage.EN);
    }

    /** The built-in template of the channel in that language. */
    public TemplateSource defaultFor(ReminderChannel channel, ReminderLanguage language) {
        return defaults.get(channel).get(language);
    }

    /**
     * Renders one reminder on a worker thread; a template that breaks a sandbox rule fails with
     * {@link TemplateRejectedException}.
     */
    public Uni<RenderedMessage> render(ReminderChannel channel, TemplateSource source, ReminderContent content) {
        return vertx.executeBlocking(() -> renderNow(channel, source, content), false);
    }

    /**
     * Checks a template before it is saved: the parts it needs are there, each part parses and keeps to the
     * sandbox's rules, and it renders sample data within the limits. 422 otherwise.
     */
    public Uni<Void> validate(ReminderChannel channel, TemplateSource source) {
        try {
            requireParts(channel, source);
        } catch (UnprocessableEntityException e) {
            return Uni.createFrom().failure(e);
        }
        return vertx.executeBlocking(
                () -> {
                    sandbox.check("subject", source.subject(), false);
                    sandbox.check("html", source.html(), true);
                    sandbox.check("text", source.text(), false);
                    renderNow(channel, source, SAMPLE);
                    return null;
                },
                false);
    }

    /** 422 when a part the channel needs is missing: {@code text}, and {@code subject} for e-mail. */
    public void requireParts(ReminderChannel channel, TemplateSource source) {
        List<ApiError.FieldError> errors = new ArrayList<>();
        if (source.text() == null || source.text().isBlank()) {
            errors.add(new ApiError.FieldError("text", "must not be blank"));
        }
        if (channel == ReminderChannel.EMAIL
                && (source.subject() == null || source.subject().isBlank())) {
            errors.add(new ApiError.FieldError("subject", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableEntityException(
                    errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }

    RenderedMessage renderNow(ReminderChannel channel, TemplateSource source, ReminderContent content) {
        TemplateValues values = values(content);
        String text = sandbox.render("text", source.text(), false, values);
        if (channel == ReminderChannel.SMS) {
            return new RenderedMessage(null, null, text.strip());
        }
        String subject = sandbox.render("subject", source.subject(), false, values)
                .strip()
                .replaceAll("\\s+", " ");
        String html = source.html() == null || source.html().isBlank()
                ? null
                : sandbox.render("html", source.html(), true, values);
        return new RenderedMessage(subject, html, text);
    }

    private static TemplateValues values(ReminderContent c) {
        ReminderLanguage language = c.language() == null ? ReminderLanguage.EN : c.language();
        return new TemplateValues(
                c.debtorName(),
                c.accNo(),
                language.rand(c.amountDue()),
                c.pharmacyName(),
                c.pharmacyPhone(),
                c.bankDetails(),
                buckets(c.buckets(), language),
                c.statementFile());
    }

    /** Non-zero buckets, oldest arrears last, as the age analysis prints them. */
    private static List<TemplateValues.Bucket> buckets(Map<String, BigDecimal> buckets, ReminderLanguage language) {
        if (buckets == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(BUCKET_ORDER);
        buckets.keySet().stream().filter(k -> !keys.contains(k)).sorted().forEach(keys::add);
        List<TemplateValues.Bucket> result = new ArrayList<>();
        for (String key : keys) {
            BigDecimal amount = buckets.get(key);
            if (amount != null && amount.signum() != 0) {
                result.add(new TemplateValues.Bucket(language.bucketLabel(key), language.rand(amount)));
            }
        }
        return result;
    }

    private static String resource(String name) {
        try (InputStream in =
                ReminderTemplates.class.getClassLoader().getResourceAsStream("default-templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing default template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
