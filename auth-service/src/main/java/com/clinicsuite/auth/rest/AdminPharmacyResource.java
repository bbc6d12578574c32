package com.clinicsuite.auth.rest;

import com.clinicsuite.auth.rest.dto.PharmacyView;
import com.clinicsuite.auth.service.PharmacyAdminService;
import com.clinicsuite.auth.service.PharmacyDetails;
import com.clinicsuite.security.CallerIdentity;
import com.clinicsuite.security.Claims;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/admin/pharmacies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Claims.ROLE_ADMIN)
public class AdminPharmacyResource {

    private final PharmacyAdminService pharmacyAdmin;
    private final CallerIdentity caller;

    public AdminPharmacyResource(PharmacyAdminService pharmacyAdmin, CallerIdentity caller) {
        this.pharmacyAdmin = pharmacyAdmin;
        this.caller = caller;
    }

    @GET
    public Uni<List<PharmacyView>> list() {
        return pharmacyAdmin
                .list()
                .map(all -> all.stream().map(PharmacyView::of).toList());
    }

    @GET
    @Path("{id}")
    public Uni<PharmacyView> get(@PathParam("id") long id) {
        return pharmacyAdmin.get(id).map(PharmacyView::of);
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create a pharmacy (409 when the code is taken)")
    public Uni<PharmacyView> create(@Valid @NotNull PharmacyDetails body) {
        return pharmacyAdmin.create(Actors.of(caller), body).map(PharmacyView::of);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Rename, re-code or (de)activate a pharmacy")
    public Uni<PharmacyView> update(@PathParam("id") long id, @Valid @NotNull PharmacyDetails body) {
        return pharmacyAdmin.update(Actors.of(caller), id, body).map(PharmacyView::of);
    }
}
