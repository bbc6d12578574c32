package com.clinicsuite.imports.debtors.rest;

import com.clinicsuite.imports.debtors.service.SavedColumnMaps;
import com.clinicsuite.security.PharmacyAccess;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;

/**
 * GET and DELETE /pharmacies/{pharmacy_id}/debtors/column-map: the column map the pharmacy's uploads saved (issue 24
 * point 4), an extension of the contract's debtor upload. Read grant to see it, write grant (the upload's) to
 * remove it.
 */
@Path("/pharmacies/{pharmacy_id}/debtors/column-map")
@Authenticated
public class ColumnMapResource {

    private final SavedColumnMaps maps;
    private final PharmacyAccess access;

    public ColumnMapResource(SavedColumnMaps maps, PharmacyAccess access) {
        this.maps = maps;
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The pharmacy's saved column map",
            description = "The column_map saved by the pharmacy's last upload that sent one and reconciled with it "
                    + "(headings upper-cased, single-spaced): used for its uploads and mailbox reports that send "
                    + "none. pharmacy_id, column_map (heading -> field), updated_at, updated_by (user id).")
    @APIResponse(responseCode = "200", description = "the saved map")
    @APIResponse(responseCode = "403", description = "no read access to the pharmacy")
    @APIResponse(
            responseCode = "404",
            description = "pharmacy not found (code not_found), or no saved map (code column_map_not_found)")
    public Uni<ColumnMapView> get(@RestPath("pharmacy_id") long pharmacyId) {
        access.requireRead(pharmacyId);
        return maps.find(pharmacyId).map(ColumnMapView::of);
    }

    @DELETE
    @Operation(
            summary = "Forget the pharmacy's saved column map",
            description = "The next upload without a column_map (and the next mailbox report) is read by the heading "
                    + "vocabulary alone again. 204 also when there was none.")
    @APIResponse(responseCode = "204", description = "removed (or there was none)")
    @APIResponse(responseCode = "403", description = "no write access to the pharmacy")
    @APIResponse(responseCode = "404", description = "pharmacy not found")
    public Uni<Response> delete(@RestPath("pharmacy_id") long pharmacyId) {
        access.requireWrite(pharmacyId);
        return maps.delete(pharmacyId).map(nothing -> Response.noContent().build());
    }
}
