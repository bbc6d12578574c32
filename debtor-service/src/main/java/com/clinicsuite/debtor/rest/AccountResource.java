package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.AccountNote;
import com.clinicsuite.debtor.repository.Language;
import com.clinicsuite.debtor.service.AccountNotes;
import com.clinicsuite.debtor.service.ContactPreferences;
import com.clinicsuite.debtor.service.PaymentPromises;
import com.clinicsuite.debtor.service.PolicySettings;
import com.clinicsuite.security.CallerIdentity;
import com.clinicsuite.security.PharmacyAccess;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Notes, promises to pay and contact preferences of an account. {@code {debtor_id}} names the account (pharmacy +
 * acc_no) through its current debtor row; what is stored belongs to the account and survives report uploads.
 */
@Path("/pharmacies/{pharmacy_id}/debtors/{debtor_id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Collections: accounts")
public class AccountResource {

    private final PharmacyAccess access;
    private final CallerIdentity caller;
    private final AccountNotes notes;
    private final PaymentPromises promises;
    private final ContactPreferences preferences;
    private final Clock clock;

    public AccountResource(
            PharmacyAccess access,
            CallerIdentity caller,
            AccountNotes notes,
            PaymentPromises promises,
            ContactPreferences preferences,
            Clock clock) {
        this.access = access;
        this.caller = caller;
        this.notes = notes;
        this.promises = promises;
        this.preferences = preferences;
        this.clock = clock;
    }

    public record NoteView(long id, String text, String author, OffsetDateTime createdAt) {
        static NoteView of(AccountNote n) {
            return new NoteView(n.id, n.text, n.author, n.createdAt);
        }
    }

    public record NoteRequest(String text) {}

    public record PromiseRequest(BigDecimal amount, String dueDate) {}

    public record PreferencesView(Boolean doNotContact, String reason, String language) {
        static PreferencesView of(ContactPreferences.Preferences p) {
            return new PreferencesView(
                    p.doNotContact(),
                    p.reason(),
                    p.language() == null ? null : p.language().code());
        }
    }

    @GET
    @Path("/notes")
    @Operation(summary = "The account's notes, newest first")
    public Uni<List<NoteView>> notes(@RestPath("pharmacy_id") long pharmacyId, @RestPath("debtor_id") long debtorId) {
        access.requireRead(pharmacyId);
        return notes.list(pharmacyId, debtorId)
                .map(rows -> rows.stream().map(NoteView::of).toList());
    }

    @POST
    @Path("/notes")
    @ResponseStatus(201)
    @Operation(
            summary = "Adds a note to the account",
            description = "text: 1..2,000 characters (not only spaces); the author is the caller. 201 with the note.")
    public Uni<NoteView> addNote(
            @RestPath("pharmacy_id") long pharmacyId, @RestPath("debtor_id") long debtorId, NoteRequest body) {
        access.requireWrite(pharmacyId);
        String text = body == null ? null : body.text();
        if (text == null || text.isBlank()) {
            throw new UnprocessableEntityException("text", "write the note (1 to 2,000 characters)");
        }
        if (text.length() > AccountNote.MAX_LENGTH) {
            throw new UnprocessableEntityException("text", "must be at most 2,000 characters");
        }
        return notes.add(pharmacyId, debtorId, text, caller.username()).map(NoteView::of);
    }

    @GET
    @Path("/promises")
    @Operation(
            summary = "The account's promises to pay, newest first",
            description = "status: open; kept when a later report dated on or before due_date + 7 days shows the"
                    + " overdue balance (d60..d180) reduced by at least amount since the promise (by all of it when"
                    + " the promise was larger; an account no longer reported owes nothing); broken when the first"
                    + " report dated after that does not; cancelled by staff. Decided when a report completes.")
    public Uni<List<PromiseView>> promises(
            @RestPath("pharmacy_id") long pharmacyId, @RestPath("debtor_id") long debtorId) {
        access.requireRead(pharmacyId);
        return promises.list(pharmacyId, debtorId)
                .map(rows -> rows.stream().map(PromiseView::of).toList());
    }

    @POST
    @Path("/promises")
    @ResponseStatus(201)
    @Operation(
            summary = "Records a promise to pay",
            description = "amount > 0 with at most 2 decimals; due_date YYYY-MM-DD, today or later (South African"
                    + " date). 409 when the account already has an open promise.")
    public Uni<PromiseView> makePromise(
            @RestPath("pharmacy_id") long pharmacyId, @RestPath("debtor_id") long debtorId, PromiseRequest body) {
        access.requireWrite(pharmacyId);
        if (body == null || body.amount() == null) {
            throw new UnprocessableEntityException("amount", "is required");
        }
        if (body.amount().signum() <= 0 || body.amount().stripTrailingZeros().scale() > 2) {
            throw new UnprocessableEntityException("amount", "must be more than 0, with at most 2 decimals");
        }
        if (body.amount().compareTo(new BigDecimal("9999999999999.99")) > 0) {
            throw new UnprocessableEntityException("amount", "is too large");
        }
        LocalDate dueDate = date("due_date", body.dueDate());
        if (dueDate == null) {
            throw new UnprocessableEntityException("due_date", "is required (YYYY-MM-DD)");
        }
        if (dueDate.isBefore(LocalDate.now(clock.withZone(PolicySettings.DEFAULT_ZONE)))) {
            throw new UnprocessableEntityException("due_date", "must be today or later");
        }
        return promises.make(pharmacyId, debtorId, body.amount().setScale(2), dueDate, caller.username())
                .map(PromiseView::of);
    }

    @DELETE
    @Path("/promises/{promise_id}")
    @Operation(summary = "Cancels an open promise", description = "204; 409 when it is no longer open.")
    public Uni<Void> cancelPromise(
            @RestPath("pharmacy_id") long pharmacyId,
            @RestPath("debtor_id") long debtorId,
            @RestPath("promise_id") long promiseId) {
        access.requireWrite(pharmacyId);
        return promises.cancel(pharmacyId, debtorId, promiseId, caller.username());
    }

    @GET
    @Path("/contact-preferences")
    @Operation(
            summary = "The account's contact preferences",
            description = "Without saved preferences: do_not_contact false, reason null, language null (the"
                    + " pharmacy's default_language).")
    public Uni<PreferencesView> contactPreferences(
            @RestPath("pharmacy_id") long pharmacyId, @RestPath("debtor_id") long debtorId) {
        access.requireRead(pharmacyId);
        return preferences.get(pharmacyId, debtorId).map(PreferencesView::of);
    }

    @PUT
    @Path("/contact-preferences")
    @Operation(
            summary = "Replaces the account's contact preferences",
            description = "do_not_contact (required): reminders by hand and by policy skip the account. reason: up to"
                    + " 500 characters. language: en, af or null (the pharmacy's default). Published as"
                    + " debtors.contact-preferences-changed.v1 (without the reason).")
    public Uni<PreferencesView> putContactPreferences(
            @RestPath("pharmacy_id") long pharmacyId, @RestPath("debtor_id") long debtorId, PreferencesView body) {
        access.requireWrite(pharmacyId);
        if (body == null || body.doNotContact() == null) {
            throw new UnprocessableEntityException("do_not_contact", "is required (true or false)");
        }
        if (body.reason() != null && body.reason().length() > 500) {
            throw new UnprocessableEntityException("reason", "must be at most 500 characters");
        }
        Language language = null;
        if (body.language() != null) {
            language = Language.fromCode(body.language())
                    .orElseThrow(() -> new UnprocessableEntityException("language", "must be en, af or null"));
        }
        String reason = body.reason() == null || body.reason().isBlank()
                ? null
                : body.reason().strip();
        return preferences
                .put(
                        pharmacyId,
                        debtorId,
                        new ContactPreferences.Preferences(body.doNotContact(), reason, language),
                        caller.username())
                .map(PreferencesView::of);
    }

    private static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new UnprocessableEntityException(field, "must be a date YYYY-MM-DD");
        }
    }
}
