package com.clinicsuite.credit.rest;

import com.clinicsuite.credit.repository.ApiLog;
import com.clinicsuite.credit.repository.ApiLogFilter;
import com.clinicsuite.credit.repository.Page;
import com.clinicsuite.credit.service.ApiLogService;
import com.clinicsuite.web.input.ParameterValues;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Who called what, newest first. Entries appear within about a second of the call (written in batches). */
@Path("/api-logs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "api-logs")
public class ApiLogResource {

    private final ApiLogService logs;

    public ApiLogResource(ApiLogService logs) {
        this.logs = logs;
    }

    @GET
    @Operation(
            summary = "API log",
            description = "Filters: user_name (exact), endpoint (contains), from (inclusive) "
                    + "and to (exclusive) as ISO-8601 times. Total in X-Total-Count.")
    public Uni<RestResponse<List<ApiLogResponse>>> list(
            @QueryParam("user_name") String userName,
            @QueryParam("endpoint") String endpoint,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("skip") @DefaultValue("0") @Min(0) int skip,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        ApiLogFilter filter = new ApiLogFilter(
                ParameterValues.text(userName),
                ParameterValues.text(endpoint),
                ParameterValues.instant("from", from),
                ParameterValues.instant("to", to));
        return logs.list(filter, skip, limit).map(ApiLogResource::pageResponse);
    }

    @GET
    @Path("/by-user/{user_name}")
    public Uni<RestResponse<List<ApiLogResponse>>> byUser(
            @PathParam("user_name") String userName,
            @QueryParam("skip") @DefaultValue("0") @Min(0) int skip,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return logs.list(new ApiLogFilter(userName, null, null, null), skip, limit)
                .map(ApiLogResource::pageResponse);
    }

    private static RestResponse<List<ApiLogResponse>> pageResponse(Page<ApiLog> page) {
        return RestResponse.ResponseBuilder.ok(
                        page.items().stream().map(ApiLogResponse::of).toList())
                .header(CreditBalanceResource.TOTAL_COUNT, page.total())
                .build();
    }
}
