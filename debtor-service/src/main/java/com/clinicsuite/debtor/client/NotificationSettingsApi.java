package com.clinicsuite.debtor.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notification-service's {@code GET /pharmacies/{pharmacy_id}/notification-settings} (pharmacy-write, as
 * send-email/send-sms), asked with the caller's own bearer token. Base URL {@code quarkus.rest-client.notification-
 * service.url}; short timeouts, because a reminder request waits on it.
 */
@RegisterRestClient(configKey = "notification-service")
@Path("/pharmacies/{pharmacy_id}/notification-settings")
public interface NotificationSettingsApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<ConfiguredChannels> settings(
            @PathParam("pharmacy_id") long pharmacyId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** The two fields of the settings this service needs (the rest, credentials above all, are ignored). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfiguredChannels(boolean emailConfigured, boolean smsConfigured) {}
}
