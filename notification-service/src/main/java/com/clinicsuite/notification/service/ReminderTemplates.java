package com.clinicsuite.notification.service;

import com.clinicsuite.web.errors.ApiError;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and renders reminder templates with Qute. Placeholders: {@code name, acc_no, amount_due, buckets}
 * (each {@code label, amount}), {@code pharmacy_name, pharmacy_phone, bank_details, payment_reference}
 * (the account number). HTML parts are HTML-escaped. Parsed templates are cached by their source text.
 */
@ApplicationScoped
public class ReminderTemplates {

    public static final String EMAIL = "email";
    public static final String SMS = "sms";

    private static final List<String> BUCKET_ORDER = List.of("current", "d30", "d60", "d90", "d120", "d150", "d180");
    private static final Variant HTML = Variant.forContentType(Variant.TEXT_HTML);
    private static final Variant TEXT = Variant.forContentType(Variant.TEXT_PLAIN);
    private static final ReminderContent SAMPLE = new ReminderContent(
            "Sample Debtor",
            "SAMPLE01",
            new BigDecimal("1234.56"),
            Map.of("d60", new BigDecimal("1000.00"), "d90", new BigDecimal("234.56")),
            "Sample Pharmacy",
            "000 000 0000",
            "Sample Bank 000000");

    private final Engine engine;
    /** Built-in templates by channel, then language. */
    private final Map<String, Map<ReminderLanguage, TemplateSource>> defaults;

    private final Map<String, Template> parsed = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Template> eldest) {
            return size() > 512;
        }
    });

    /** One ageing bucket as templates see it. */
    @TemplateData
    public record Bucket(String label, String amount) {}

    public ReminderTemplates(Engine engine) {
        this.engine = engine;
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
        this.defaults = Map.of(EMAIL, email, SMS, sms);
    }

    /** The built-in English template. */
    public TemplateSource defaultFor(String channel) {
        return defaultFor(channel, ReminderLanguage.EN);
    }

    /** The built-in template of the channel in that language. */
    public TemplateSource defaultFor(String channel, ReminderLanguage language) {
        return defaults.get(channel).get(language);
    }

    /** Renders one reminder; a template that fails to render raises {@link UnprocessableEntityException}. */
    public RenderedMessage render(String channel, TemplateSource source, ReminderContent content) {
        Map<String, Object> data = data(content);
        String text = render("text", source.text(), TEXT, data);
        if (SMS.equals(channel)) {
            return new RenderedMessage(null, null, text.strip());
        }
        String subject = render("subject", source.subject(), TEXT, data).strip().replaceAll("\\s+", " ");
        String html =
                source.html() == null || source.html().isBlank() ? null : render("html", source.html(), HTML, data);
        return new RenderedMessage(subject, html, text);
    }

    /** Checks that a template parses and renders with sample data; 422 with Qute's message otherwise. */
    public void validate(String channel, TemplateSource source) {
        List<ApiError.FieldError> errors = new ArrayList<>();
        if (source.text() == null || source.text().isBlank()) {
            errors.add(new ApiError.FieldError("text", "must not be blank"));
        }
        if (EMAIL.equals(channel)
                && (source.subject() == null || source.subject().isBlank())) {
            errors.add(new ApiError.FieldError("subject", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableEntityException(
                    errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        render(channel, source, SAMPLE);
    }

    private String render(String part, String source, Variant variant, Map<String, Object> data) {
        try {
            TemplateInstance instance = template(part, source, variant).instance();
            data.forEach(instance::data);
            return instance.render();
        } catch (TemplateException e) {
            throw new UnprocessableEntityException(part, e.getMessage());
        }
    }

    private Template template(String part, String source, Variant variant) {
        String key = variant.getContentType() + '\u0000' + source;
        Template template = parsed.get(key);
        if (template == null) {
            template = engine.parse(source, variant, part);
            parsed.put(key, template);
        }
        return template;
    }

    private static Map<String, Object> data(ReminderContent c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", nullToEmpty(c.debtorName()));
        data.put("acc_no", nullToEmpty(c.accNo()));
        data.put("payment_reference", nullToEmpty(c.accNo()));
        ReminderLanguage language = c.language() == null ? ReminderLanguage.EN : c.language();
        data.put("amount_due", language.rand(c.amountDue()));
        data.put("buckets", buckets(c.buckets(), language));
        data.put("pharmacy_name", nullToEmpty(c.pharmacyName()));
        data.put("pharmacy_phone", nullToEmpty(c.pharmacyPhone()));
        data.put("bank_details", nullToEmpty(c.bankDetails()));
        return data;
    }

    /** Non-zero buckets, oldest arrears last, as the age analysis prints them. */
    private static List<Bucket> buckets(Map<String, BigDecimal> buckets, ReminderLanguage language) {
        if (buckets == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(BUCKET_ORDER);
        buckets.keySet().stream().filter(k -> !keys.contains(k)).sorted().forEach(keys::add);
        List<Bucket> result = new ArrayList<>();
        for (String key : keys) {
            BigDecimal amount = buckets.get(key);
            if (amount != null && amount.signum() != 0) {
                result.add(new Bucket(language.bucketLabel(key), language.rand(amount)));
            }
        }
        return result;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
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
