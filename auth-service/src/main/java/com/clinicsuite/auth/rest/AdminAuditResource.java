package com.clinicsuite.auth.rest;

import com.clinicsuite.auth.rest.dto.AuditEntryView;
import com.clinicsuite.auth.service.AuditTrail;
import com.clinicsuite.security.Claims;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Claims.ROLE_ADMIN)
public class AdminAuditResource {

    private final AuditTrail audit;

    public AdminAuditResource(AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Who changed what, when: newest first; filter by target_type (user, pharmacy) and target_id")
    public Uni<List<AuditEntryView>> list(
            @QueryParam("target_type") String targetType,
            @QueryParam("target_id") String targetId,
            @QueryParam("skip") @DefaultValue("0") @Min(0) int skip,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audit.list(targetType, targetId, skip, limit)
                .map(entries -> entries.stream().map(AuditEntryView::of).toList());
    }
}
