package com.clinicsuite.notification.rest;

import com.clinicsuite.notification.service.NotificationSettingsUpdate;
import com.clinicsuite.notification.service.NotificationSettingsView;
import com.clinicsuite.notification.service.SettingsService;
import com.clinicsuite.security.CallerIdentity;
import com.clinicsuite.security.PharmacyAccess;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A pharmacy's reminder channels. Reading them needs admin or write access, like changing them (the contract): the
 * answer names the sender, the provider accounts and the last characters of each secret. Secrets are write-only.
 */
@Path("/pharmacies/{pharmacy_id}/notification-settings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationSettingsResource {

    private final SettingsService settings;
    private final PharmacyAccess access;
    private final CallerIdentity caller;

    public NotificationSettingsResource(SettingsService settings, PharmacyAccess access, CallerIdentity caller) {
        this.settings = settings;
        this.access = access;
        this.caller = caller;
    }

    @GET
    public Uni<NotificationSettingsView> get(@PathParam("pharmacy_id") long pharmacyId) {
        access.requireWrite(pharmacyId);
        return settings.view(pharmacyId);
    }

    @PUT
    public Uni<NotificationSettingsView> put(
            @PathParam("pharmacy_id") long pharmacyId, @NotNull @Valid NotificationSettingsUpdate body) {
        access.requireWrite(pharmacyId);
        return settings.update(pharmacyId, body, caller.username());
    }
}
