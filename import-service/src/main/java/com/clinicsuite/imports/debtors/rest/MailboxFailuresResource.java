package com.clinicsuite.imports.debtors.rest;

import com.clinicsuite.imports.debtors.service.UploadQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** GET /imports/mailbox/failures: mailbox reports that were not imported, newest first (admin). */
@Path("/imports/mailbox/failures")
@RolesAllowed("admin")
public class MailboxFailuresResource {

    private static final int MAX_LIMIT = 500;

    private final UploadQueries uploads;

    public MailboxFailuresResource(UploadQueries uploads) {
        this.uploads = uploads;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Mailbox reports that were not imported",
            description = "Unmapped senders, messages without a PDF, and reports that failed a check or were "
                    + "refused by debtor-service; newest first, `limit` (100, max 500).")
    public Uni<List<MailboxFailure>> failures(@QueryParam("limit") Integer limit) {
        int size = limit == null ? 100 : Math.max(1, Math.min(MAX_LIMIT, limit));
        return uploads.mailboxFailures(size)
                .map(list -> list.stream().map(MailboxFailure::of).toList());
    }
}
