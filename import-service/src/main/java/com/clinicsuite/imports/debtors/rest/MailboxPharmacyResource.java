package com.clinicsuite.imports.debtors.rest;

import com.clinicsuite.imports.debtors.config.MailboxConfig;
import com.clinicsuite.imports.debtors.service.MailboxPharmacies;
import com.clinicsuite.imports.debtors.service.MailboxSecretAddresses;
import com.clinicsuite.security.CallerIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;

/**
 * How the mailbox authenticates a pharmacy's mailed reports, and its secret address (admin): see the README's
 * "Mailbox sender authentication".
 */
@Path("/imports/mailbox/pharmacies/{pharmacy_id}")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class MailboxPharmacyResource {

    private final MailboxConfig config;
    private final MailboxSecretAddresses secretAddresses;
    private final MailboxPharmacies pharmacies;
    private final CallerIdentity caller;

    public MailboxPharmacyResource(
            MailboxConfig config,
            MailboxSecretAddresses secretAddresses,
            MailboxPharmacies pharmacies,
            CallerIdentity caller) {
        this.config = config;
        this.secretAddresses = secretAddresses;
        this.pharmacies = pharmacies;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "How the mailbox takes a pharmacy's reports",
            description = "authentication (sender, secret-address or any), the sender addresses and folders mapped to "
                    + "the pharmacy, and when its secret address was made (never the address itself).")
    @APIResponse(responseCode = "404", description = "pharmacy not found")
    public Uni<MailboxPharmacyView> get(@RestPath("pharmacy_id") long pharmacyId) {
        return pharmacies
                .secretAddress(pharmacyId)
                .map(secret -> new MailboxPharmacyView(
                        pharmacyId,
                        config.authentication()
                                .getOrDefault(Long.toString(pharmacyId), config.defaultAuthentication())
                                .value(),
                        mappedTo(config.senders(), pharmacyId),
                        mappedTo(config.folders(), pharmacyId),
                        secret == null
                                ? null
                                : new MailboxPharmacyView.SecretAddress(secret.createdAt, secret.createdBy)));
    }

    @POST
    @Path("/secret-address")
    @Operation(
            summary = "Make a new secret address for the pharmacy",
            description = "Answers the address reports+<token>@<mailbox domain> once; it is not stored and cannot be "
                    + "shown again. The pharmacy's previous secret address stops working at once.")
    @APIResponse(responseCode = "201", description = "the new address")
    @APIResponse(responseCode = "404", description = "pharmacy not found")
    @APIResponse(responseCode = "409", description = "the mailbox's own address is not configured")
    public Uni<Response> issue(@RestPath("pharmacy_id") long pharmacyId) {
        if (secretAddresses.mailboxAddress().isEmpty()) {
            throw new ClientErrorException(
                    "The mailbox's own address is not configured (import.mailbox.address), so no secret address can "
                            + "be made",
                    Response.Status.CONFLICT);
        }
        return pharmacies
                .issueSecretAddress(pharmacyId, caller.username())
                .map(issued -> Response.status(Response.Status.CREATED)
                        .entity(new SecretAddressIssued(issued.pharmacyId(), issued.address(), issued.createdAt()))
                        .build());
    }

    @DELETE
    @Path("/secret-address")
    @Operation(summary = "Remove the pharmacy's secret address", description = "Mail to it is no longer accepted.")
    @APIResponse(responseCode = "204", description = "removed (or there was none)")
    @APIResponse(responseCode = "404", description = "pharmacy not found")
    public Uni<Response> revoke(@RestPath("pharmacy_id") long pharmacyId) {
        return pharmacies
                .revokeSecretAddress(pharmacyId)
                .map(removed -> Response.noContent().build());
    }

    private static List<String> mappedTo(Map<String, Long> mapping, long pharmacyId) {
        return mapping.entrySet().stream()
                .filter(entry -> entry.getValue() == pharmacyId)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
