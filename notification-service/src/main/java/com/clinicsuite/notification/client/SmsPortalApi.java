package com.clinicsuite.notification.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** SMSPortal REST API v1. Base URL {@code quarkus.rest-client.smsportal.url} (https://rest.smsportal.com). */
@RegisterRestClient(configKey = "smsportal")
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface SmsPortalApi {

    /** Basic {@code clientId:apiSecret}; the token is valid {@code expiresInMinutes} (1440). */
    @GET
    @Path("/Authentication")
    Uni<Token> authenticate(@HeaderParam("Authorization") String basic);

    /** At most 100 messages a request. A 200 may still list per-message {@code errorReport.faults}. */
    @POST
    @Path("/BulkMessages")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<BulkResult> send(@HeaderParam("Authorization") String bearer, BulkRequest request);

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Token(String token, String schema, Integer expiresInMinutes) {
        @Override
        public String toString() {
            return "Token[expiresInMinutes=" + expiresInMinutes + "]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record BulkRequest(SendOptions sendOptions, List<Message> messages) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SendOptions(
            String senderId, String campaignName, String costCentre, boolean checkOptOuts, boolean testMode) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record Message(String content, String destination, String customerId) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BulkResult(
            Long eventId, BigDecimal cost, BigDecimal remainingBalance, Integer parts, ErrorReport errorReport) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorReport(Integer noNetwork, Integer duplicates, Integer optedOuts, List<Fault> faults) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Fault(String rawDestination, String customerId, String errorMessage, String status) {}
}
