package com.clinicsuite.credit.rest;

import com.clinicsuite.credit.repository.CreditBalanceFilter;
import com.clinicsuite.credit.repository.CreditBalanceView;
import com.clinicsuite.credit.repository.Page;
import com.clinicsuite.credit.service.CreditBalanceInput;
import com.clinicsuite.credit.service.CreditBalanceService;
import com.clinicsuite.credit.service.OnCreate;
import com.clinicsuite.credit.service.StatsService;
import com.clinicsuite.credit.service.StatsSummary;
import com.clinicsuite.credit.service.VoucherRecomputation;
import com.clinicsuite.credit.service.VoucherSearchService;
import com.clinicsuite.security.CallerIdentity;
import com.clinicsuite.vocabulary.Center;
import com.clinicsuite.web.input.ParameterValues;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The clinic's credit balances. Staff see and change their own center only; admins everything. */
@Path("/credit-balances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "staff"})
@Tag(name = "credit-balances")
public class CreditBalanceResource {

    static final String TOTAL_COUNT = "X-Total-Count";

    private final CreditBalanceService balances;
    private final StatsService stats;
    private final VoucherSearchService vouchers;
    private final VoucherRecomputation recomputation;
    private final CallerIdentity caller;

    public CreditBalanceResource(
            CreditBalanceService balances,
            StatsService stats,
            VoucherSearchService vouchers,
            VoucherRecomputation recomputation,
            CallerIdentity caller) {
        this.balances = balances;
        this.stats = stats;
        this.vouchers = vouchers;
        this.recomputation = recomputation;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "List credit balances",
            description = "Filters combine; search looks in client code, name, "
                    + "phone, e-mail and voucher (case-insensitive). Ordered by id; the total is in X-Total-Count.")
    public Uni<RestResponse<List<CreditBalanceResponse>>> list(
            @QueryParam("center") String center,
            @QueryParam("search") String search,
            @QueryParam("treatment_name") String treatmentName,
            @QueryParam("final_bucket") String finalBucket,
            @QueryParam("min_balance") String minBalance,
            @QueryParam("skip") @DefaultValue("0") @Min(0) int skip,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        CreditBalanceFilter filter = new CreditBalanceFilter(
                ParameterValues.text(center) == null ? null : knownCenter(center),
                ParameterValues.text(search),
                ParameterValues.text(treatmentName),
                ParameterValues.text(finalBucket),
                ParameterValues.decimal("min_balance", minBalance));
        return balances.list(filter, skip, limit).map(CreditBalanceResource::pageResponse);
    }

    @GET
    @Path("/{id:\\d+}")
    public Uni<CreditBalanceResponse> get(@PathParam("id") long id) {
        return balances.get(id).map(CreditBalanceResponse::of);
    }

    @POST
    @Operation(
            summary = "Create a credit balance",
            description = "The voucher number is computed, never taken from "
                    + "the body. balance_sessions defaults to sessions_paid - sessions_consumed, balance_amount to "
                    + "package_amount - amount_paid.")
    public Uni<RestResponse<CreditBalanceResponse>> create(
            @NotNull @Valid @ConvertGroup(from = Default.class, to = OnCreate.class) CreditBalanceInput input) {
        return balances.create(input)
                .map(created -> RestResponse.ResponseBuilder.<CreditBalanceResponse>created(
                                URI.create("/credit-balances/" + created.id))
                        .entity(CreditBalanceResponse.of(created))
                        .build());
    }

    @PUT
    @Path("/{id:\\d+}")
    @Operation(
            summary = "Update a credit balance",
            description = "Full or partial: absent fields keep their value. "
                    + "The voucher is recomputed when center, client code or phone change.")
    public Uni<CreditBalanceResponse> update(@PathParam("id") long id, @NotNull @Valid CreditBalanceInput input) {
        return balances.update(id, input).map(CreditBalanceResponse::of);
    }

    @DELETE
    @Path("/{id:\\d+}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") long id) {
        return balances.delete(id).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/stats/summary")
    public Uni<StatsSummary> summary() {
        return stats.summary();
    }

    @GET
    @Path("/by-center/{center_name}")
    @Operation(
            summary = "Credit balances of a center",
            description =
                    "Any usual spelling: GK2, gk-2, G.K.-II, "
                            + "Greater Kailash 2, Punjabi Bagh, PB, Preet Vihar, PV, Pitampura, Pitam Pura, PTP. 404 for an unknown center.")
    public Uni<RestResponse<List<CreditBalanceResponse>>> byCenter(
            @PathParam("center_name") String centerName,
            @QueryParam("skip") @DefaultValue("0") @Min(0) int skip,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Center center = Center.parse(centerName)
                .orElseThrow(() -> new NotFoundException(
                        "Unknown center '" + centerName + "'; known centers: " + Center.knownNames()));
        return balances.list(CreditBalanceFilter.ofCenter(center.canonicalName()), skip, limit)
                .map(CreditBalanceResource::pageResponse);
    }

    @GET
    @Path("/by-user-center")
    @Operation(summary = "Credit balances of the caller's own center", description = "400 when the caller has none.")
    public Uni<RestResponse<List<CreditBalanceResponse>>> byUserCenter(
            @QueryParam("skip") @DefaultValue("0") @Min(0) int skip,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return balances.listOwnCenter(skip, limit).map(CreditBalanceResource::pageResponse);
    }

    @POST
    @Path("/by-voucher")
    @Operation(summary = "Find the records of a voucher", description = "Every search is logged; 404 when none.")
    public Uni<List<CreditBalanceResponse>> byVoucher(@NotNull @Valid VoucherSearchRequest request) {
        return vouchers.search(request.voucherNumber())
                .map(found -> found.stream().map(CreditBalanceResponse::of).toList());
    }

    @POST
    @Path("/admin/recompute-vouchers")
    @RolesAllowed("admin")
    @Operation(summary = "Recompute every voucher number with the current rule")
    public Uni<VoucherRecomputation.Result> recomputeVouchers() {
        return recomputation.recomputeAll(caller.username());
    }

    private static RestResponse<List<CreditBalanceResponse>> pageResponse(Page<CreditBalanceView> page) {
        return RestResponse.ResponseBuilder.ok(
                        page.items().stream().map(CreditBalanceResponse::of).toList())
                .header(TOTAL_COUNT, page.total())
                .build();
    }

    private static String knownCenter(String spelling) {
        return ParameterValues.oneOf(
                "center", spelling, s -> Center.parse(s).map(Center::canonicalName), Center.knownNames());
    }
}
