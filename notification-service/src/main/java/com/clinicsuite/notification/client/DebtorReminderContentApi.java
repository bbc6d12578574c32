package com.clinicsuite.notification.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * debtor-service's {@code GET /pharmacies/{pharmacy_id}/debtors/{debtor_id}/reminder-content} (pharmacy-read, as the
 * template preview), asked with the caller's own bearer token: a debtor's values for its reminder template, the same
 * debtor-service puts in {@code ReminderRequested}. Base URL {@code quarkus.rest-client.debtor-service.url}; short
 * timeouts, because a preview waits on it.
 */
@RegisterRestClient(configKey = "debtor-service")
@Path("/pharmacies/{pharmacy_id}/debtors/{debtor_id}/reminder-content")
public interface DebtorReminderContentApi {

    /** @param ageingBuckets comma list of bucket keys, null for debtor-service's default (d60..d180, as send-email) */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<DebtorReminderContent> content(
            @PathParam("pharmacy_id") long pharmacyId,
            @PathParam("debtor_id") long debtorId,
            @QueryParam("ageing_buckets") String ageingBuckets,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** Field names as in {@code ReminderRequested}. Personal data: never logged. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DebtorReminderContent(
            long debtorId,
            String accNo,
            String debtorName,
            BigDecimal amountDue,
            Map<String, BigDecimal> buckets,
            String language) {

        @Override
        public String toString() {
            return "DebtorReminderContent[" + debtorId + "]";
        }
    }
}
