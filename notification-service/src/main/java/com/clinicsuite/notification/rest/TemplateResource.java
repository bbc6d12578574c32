package com.clinicsuite.notification.rest;

import com.clinicsuite.notification.client.ReminderLanguage;
import com.clinicsuite.notification.repository.MessageTemplate;
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

    public TemplateResource(
            TemplateService templates, ReminderTemplates defaults, PharmacyAccess access, CallerIdentity caller) {
        this.templates = templates;
        this.defaults = defaults;
        this.access = access;
        this.caller = caller;
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
        ReminderContent debtor = new ReminderContent(
                body.debtorName(), body.accNo(), body.amountDue(), body.buckets(), null, null, null, lang, null);
        return templates.preview(pharmacyId, channel, unsaved, debtor).map(m -> preview(channel, m));
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
