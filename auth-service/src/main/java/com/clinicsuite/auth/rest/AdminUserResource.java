package com.clinicsuite.auth.rest;

import com.clinicsuite.auth.rest.dto.AdminUserSummary;
import com.clinicsuite.auth.rest.dto.AdminUserView;
import com.clinicsuite.auth.service.GrantChange;
import com.clinicsuite.auth.service.GrantView;
import com.clinicsuite.auth.service.NewUser;
import com.clinicsuite.auth.service.UserAdminService;
import com.clinicsuite.auth.service.UserChanges;
import com.clinicsuite.security.CallerIdentity;
import com.clinicsuite.security.Claims;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Claims.ROLE_ADMIN)
public class AdminUserResource {

    private final UserAdminService userAdmin;
    private final CallerIdentity caller;

    public AdminUserResource(UserAdminService userAdmin, CallerIdentity caller) {
        this.userAdmin = userAdmin;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Every user with the number of pharmacies they can access")
    public Uni<List<AdminUserSummary>> list() {
        return userAdmin
                .list()
                .map(all -> all.stream().map(AdminUserSummary::of).toList());
    }

    @GET
    @Path("access")
    @Operation(summary = "Every user with their pharmacy grants")
    public Uni<List<AdminUserView>> listWithAccess() {
        return userAdmin
                .listWithAccess()
                .map(all -> all.stream().map(AdminUserView::of).toList());
    }

    @GET
    @Path("{id}")
    public Uni<AdminUserView> get(@PathParam("id") long id) {
        return userAdmin.get(id).map(AdminUserView::of);
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create a user (409 when the username is taken)")
    public Uni<AdminUserView> create(@Valid @NotNull NewUser body) {
        return userAdmin.create(Actors.of(caller), body).map(AdminUserView::of);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change any of the user's fields; a password here is an admin reset")
    public Uni<AdminUserView> update(@PathParam("id") long id, @Valid @NotNull UserChanges body) {
        return userAdmin.update(Actors.of(caller), id, body).map(AdminUserView::of);
    }

    @PUT
    @Path("{id}/pharmacies/{pharmacy_id}")
    @Operation(summary = "Set the user's access to a pharmacy (write implies read; neither removes the grant)")
    public Uni<GrantView> setGrant(
            @PathParam("id") long id, @PathParam("pharmacy_id") long pharmacyId, @NotNull GrantChange body) {
        return userAdmin.setGrant(Actors.of(caller), id, pharmacyId, body);
    }

    @DELETE
    @Path("{id}/pharmacies/{pharmacy_id}")
    @Operation(summary = "Remove the user's access to a pharmacy")
    public Uni<Void> removeGrant(@PathParam("id") long id, @PathParam("pharmacy_id") long pharmacyId) {
        return userAdmin.removeGrant(Actors.of(caller), id, pharmacyId);
    }
}
