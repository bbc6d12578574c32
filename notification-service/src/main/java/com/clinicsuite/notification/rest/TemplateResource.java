package com.clinicsuite.notification.rest;

import com.clinicsuite.notification.client.ReminderLanguage;
import com.clinicsuite.notification.repository.MessageTemplate;
import com.clinicsuite.notification.service.DebtorReminderContents;
import com.clinicsuite.notification.service.ReminderContent;
import com.clinicsuite.notification.service.ReminderTemplates;
import com.clinicsuite.notification.service.RenderedMessage;
import com.clinicsuite.notification.service.SmsSegments;
import com.clinicsuite.notification.service.TemplateService;
import com.clinicsuite.notification.service.TemplateSource;
import com.clinicsuite.security.CallerIdentity;
import com.clinicsuite.security.PharmacyAccess;
import com.clinicsuite.vocabulary.Coded;
import com.clinicsuite.vocabulary.ReminderChannel;
import com.clinicsuite.web.errors.ApiError;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The reminder template of each channel and language (Qute), editable per pharmacy, and its preview.
 * {@code ?language=en} (default) or {@code af}: each language has its own template and built-in default.
 */
@Path("/pharmacies/{pharmacy_id}/templates/{channel}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateResource {

    private final TemplateService templates;
    private final ReminderTemplates defaults;
    private final PharmacyAccess access;
    private final CallerIdentity caller;
    private final DebtorReminderContents debtors;
    private final JsonWebToken jwt;

    public TemplateResource(
            TemplateService templates,
            ReminderTemplates defaults,
            PharmacyAccess access,
            CallerIdentity caller,
            DebtorReminderContents debtors,
            JsonWebToken jwt) {
        this.templates = templates;
        this.defaults = defaults;
        this.access = access;
        this.caller = caller;
        this.debtors = debtors;
        this.jwt = jwt;
    }

    @GET
    public Uni<TemplateView> get(
            @PathParam("pharmacy_id") long pharmacyId,
            @PathParam("channel") String name,
            @QueryParam("language") String language) {
        ReminderChannel channel = channel(name);
        ReminderLanguage lang = language(language);
        access.requireWrite(pharmacyId);
        return templates.stored(pharmacyId, channel, lang).map(t -> t == null ? defaultView(channel, lang) : view(t));
    }

    @PUT
    public Uni<TemplateView> put(
            @PathParam("pharmacy_id") long pharmacyId,
            @PathParam("channel") String name,
            @QueryParam("language") String language,
            @NotNull @Valid TemplateUpdate body) {
        ReminderChannel channel = channel(name);
        ReminderLanguage lang = language(language);
        access.requireWrite(pharmacyId);
        return templates
                .save(
                        pharmacyId,
                        channel,
                        lang,
                        new TemplateSource(body.subject(), body.html(), body.text()),
                        caller.username())
                .map(TemplateResource::view);
    }

    @POST
    @Path("/preview")
    @Operation(
            summary = "Renders the template for one debtor without sending",
            description = "Either {\"debtor_id\": N}: one of the pharmacy's current debtors, rendered from its"
                    + " current data exactly as a reminder would be (debtor-service gives the values, asked with the"
                    + " caller's token; ageing_buckets optionally names the buckets the amount due adds up, default"
                    + " d60..d180 as send-email; without ?language= the debtor's reminder language), or a sample"
                    + " debtor {debtor_name, acc_no, amount_due, buckets}. template optionally previews an unsaved"
                    + " edit. Read grant. 404 for a debtor that is not one of the pharmacy's current debtors (another"
                    + " pharmacy's included); 422 for both forms at once, neither, or a template that breaks a rule;"
                    + " 503 when debtor-service cannot answer (a sample debtor still works).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PreviewRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "debtor",
                                        summary = "one of the pharmacy's debtors, as a reminder would render it",
                                        value = "{\"debtor_id\": 4711}"),
                                @ExampleObject(
                                        name = "debtor, chosen buckets",
                                        value = "{\"debtor_id\": 4711, \"ageing_buckets\": [\"d90\", \"d120\"]}"),
                                @ExampleObject(
                                        name = "sample debtor",
                                        value = "{\"debtor_name\": \"MISS FJ DREYER\", \"acc_no\": \"300001\","
                                                + " \"amount_due\": 1250.40, \"buckets\": {\"d60\": 1000.00,"
                                                + " \"d90\": 250.40}}"),
                                @ExampleObject(
                                        name = "unsaved edit",
                                        value = "{\"debtor_id\": 4711, \"template\": {\"text\":"
                                                + " \"{pharmacy_name}: {name_proper}, please pay {amount_due}.\"}}")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The rendered reminder",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PreviewView.class),
                            examples =
                                    @ExampleObject(
                                            name = "sms",
                                            value = "{\"channel\": \"sms\", \"text\": \"Winterton Pharmacy: Miss FJ"
                                                    + " Dreyer, your account 300001 is R 1 250.40 overdue. Please pay"
                                                    + " with reference 300001. Reply STOP to opt out.\", \"encoding\":"
                                                    + " \"GSM-7\", \"characters\": 135, \"parts\": 1}")))
    public Uni<PreviewView> preview(
            @PathParam("pharmacy_id") long pharmacyId,
            @PathParam("channel") String name,
            @QueryParam("language") String language,
            @NotNull @Valid PreviewRequest body) {
        ReminderChannel channel = channel(name);
        ReminderLanguage lang = language(language);
        access.requireRead(pharmacyId);
        TemplateSource unsaved = body.template() == null
                ? null
                : new TemplateSource(
                        body.template().subject(),
                        body.template().html(),
                        body.template().text());
        Uni<ReminderContent> debtor;
        if (body.debtorId() != null) {
            if (body.hasSampleDebtor()) {
                throw new UnprocessableEntityException(
                        "debtor_id",
                        "give either debtor_id or a sample debtor (debtor_name, acc_no, amount_due, buckets), not both");
            }
            boolean languageGiven = language != null && !language.isBlank();
            debtor = debtors.of(
                    pharmacyId, body.debtorId(), body.ageingBuckets(), languageGiven ? lang : null, jwt.getRawToken());
        } else {
            debtor = Uni.createFrom().item(sampleDebtor(body, lang));
        }
        return debtor.chain(d -> templates.preview(pharmacyId, channel, unsaved, d))
                .map(m -> preview(channel, m));
    }

    /** The sample debtor of the body; 422 naming each missing field. */
    private static ReminderContent sampleDebtor(PreviewRequest body, ReminderLanguage lang) {
        if (body.ageingBuckets() != null) {
            throw new UnprocessableEntityException(
                    "ageing_buckets", "goes with debtor_id; a sample debtor gives its amounts in buckets");
        }
        List<ApiError.FieldError> missing = new ArrayList<>();
        if (body.debtorName() == null || body.debtorName().isBlank()) {
            missing.add(new ApiError.FieldError("debtor_name", "must not be blank"));
        }
        if (body.accNo() == null || body.accNo().isBlank()) {
            missing.add(new ApiError.FieldError("acc_no", "must not be blank"));
        }
        if (body.amountDue() == null) {
            missing.add(new ApiError.FieldError("amount_due", "must not be null"));
        }
        if (!missing.isEmpty()) {
            throw new UnprocessableEntityException(
                    "give debtor_id, or a sample debtor: "
                            + missing.stream()
                                    .map(e -> e.field() + " " + e.message())
                                    .collect(Collectors.joining(", ")),
                    missing);
        }
        return new ReminderContent(
                body.debtorName(), body.accNo(), body.amountDue(), body.buckets(), null, null, null, lang, null);
    }

    private static PreviewView preview(ReminderChannel channel, RenderedMessage m) {
        if (channel == ReminderChannel.SMS) {
            SmsSegments.Count count = SmsSegments.count(m.text());
            return new PreviewView(channel, null, null, m.text(), count.encoding(), count.characters(), count.parts());
        }
        return new PreviewView(channel, m.subject(), m.html(), m.text(), null, null, null);
    }

    private TemplateView defaultView(ReminderChannel channel, ReminderLanguage language) {
        TemplateSource s = defaults.defaultFor(channel, language);
        return new TemplateView(channel, language.code(), s.subject(), s.html(), s.text(), true, null);
    }

    private static TemplateView view(MessageTemplate t) {
        return new TemplateView(t.channel, t.language, t.subject, t.bodyHtml, t.bodyText, false, t.updatedAt);
    }

    /** {@code en} when left out; 422 for a language there are no templates in. */
    private static ReminderLanguage language(String code) {
        if (code == null || code.isBlank()) {
            return ReminderLanguage.EN;
        }
        return ReminderLanguage.fromCode(code.trim())
                .orElseThrow(() -> new UnprocessableEntityException("language", "must be en or af"));
    }

    private static ReminderChannel channel(String name) {
        return Coded.find(ReminderChannel.class, name)
                .orElseThrow(() -> new NotFoundException(
                        "No template channel '" + name + "': use " + Coded.codes(ReminderChannel.class)));
    }
}
