package com.clinicsuite.imports.credit.rest;

import com.clinicsuite.imports.credit.service.CreditImportService;
import com.clinicsuite.web.input.ParameterValues;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** GET /imports and /imports/{import_id}: credit-balance import jobs, their progress and their errors. */
@Path("/imports")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {

    private static final int MAX_LIMIT = 200;

    private final CreditImportService imports;

    public ImportsResource(CreditImportService imports) {
        this.imports = imports;
    }

    /** Newest first; paged with {@code skip} (0) and {@code limit} (50, at most 200). */
    @GET
    public Uni<List<ImportJobView>> list(
            // read as text so that a malformed value is a 422 naming it (ParameterValues), documented as the number
            @QueryParam("skip")
                    @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0"))
                    String skip,
            @QueryParam("limit")
                    @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            defaultValue = "50",
                                            minimum = "1",
                                            maximum = "" + MAX_LIMIT))
                    String limit) {
        return imports.newestFirst(
                        ParameterValues.integer("skip", skip, 0, 0, Integer.MAX_VALUE),
                        ParameterValues.integer("limit", limit, 50, 1, MAX_LIMIT))
                .map(list -> list.stream().map(ImportJobView::of).toList());
    }

    @GET
    @Path("/{import_id}")
    public Uni<ImportJobView> get(@PathParam("import_id") String importId) {
        return imports.find(importId).map(report -> {
            if (report == null) {
                throw new NotFoundException("Import " + importId + " not found");
            }
            return ImportJobView.of(report);
        });
    }
}
