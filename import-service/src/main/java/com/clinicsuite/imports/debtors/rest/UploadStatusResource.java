package com.clinicsuite.imports.debtors.rest;

import com.clinicsuite.imports.debtors.service.UploadQueries;
import com.clinicsuite.security.PharmacyAccess;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;

/**
 * GET /pharmacies/{pharmacy_id}/debtors/uploads/{upload_id}: the status of an upload, for a client that got 202 from
 * the upload (its {@code Location} points here). An upload of another pharmacy answers 404, like one that does not
 * exist, so ids cannot be probed across pharmacies.
 */
@Path("/pharmacies/{pharmacy_id}/debtors/uploads/{upload_id}")
@Authenticated
public class UploadStatusResource {

    private final UploadQueries uploads;
    private final PharmacyAccess access;

    public UploadStatusResource(UploadQueries uploads, PharmacyAccess access) {
        this.uploads = uploads;
        this.access = access;
    }

    /** The path of an upload's status, as the {@code Location} of the upload's 202. */
    static String location(long pharmacyId, String uploadId) {
        return "/pharmacies/" + pharmacyId + "/debtors/uploads/" + uploadId;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The status of a debtor report upload",
            description = "processing until debtor-service applied or refused the report; then completed (report_id,"
                    + " total_accounts, total_outstanding; the report is in GET /pharmacies/{pharmacy_id}/debtors/"
                    + "reports with this upload_id) or failed (error). Mailbox imports have an upload id too.")
    @APIResponse(responseCode = "200", description = "the upload's status")
    @APIResponse(responseCode = "404", description = "no such upload for this pharmacy")
    public Uni<UploadStatus> status(@RestPath("pharmacy_id") long pharmacyId, @RestPath("upload_id") String uploadId) {
        access.requireRead(pharmacyId);
        return uploads.upload(pharmacyId, uploadId).map(UploadStatus::of);
    }
}
