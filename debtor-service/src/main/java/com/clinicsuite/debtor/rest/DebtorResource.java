package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.DebtorFilter;
import com.clinicsuite.debtor.service.DebtorQueries;
import com.clinicsuite.debtor.service.DebtorStatistics;
import com.clinicsuite.security.PharmacyAccess;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import com.clinicsuite.web.input.ParameterValues;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The pharmacy's current debtors, their statistics, the reports history and an account's reminders. */
@Path("/pharmacies/{pharmacy_id}/debtors")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DebtorResource {

    private final PharmacyAccess access;
    private final DebtorQueries queries;

    public DebtorResource(PharmacyAccess access, DebtorQueries queries) {
        this.access = access;
        this.queries = queries;
    }

    @GET
    public Uni<DebtorPageView> list(
            @RestPath("pharmacy_id") long pharmacyId,
            @RestQuery("min_balance") String minBalance,
            @RestQuery("ageing_buckets") String ageingBuckets,
            @RestQuery("has_email") String hasEmail,
            @RestQuery("has_phone") String hasPhone,
            @RestQuery("search") String search,
            @RestQuery("exclude_medical_aid") String excludeMedicalAid,
            @RestQuery("page") String page,
            @RestQuery("per_page") String perPage,
            @RestQuery("has_open_promise") String hasOpenPromise,
            @RestQuery("do_not_contact") String doNotContact,
            @RestQuery("promise_status") String promiseStatus) {
        access.requireRead(pharmacyId);
        DebtorFilter filter = new DebtorFilter(
                ParameterValues.decimal("min_balance", minBalance),
                RequestParameters.buckets("ageing_buckets", ageingBuckets),
                ParameterValues.bool("has_email", hasEmail),
                ParameterValues.bool("has_phone", hasPhone),
                search,
                !Boolean.FALSE.equals(ParameterValues.bool("exclude_medical_aid", excludeMedicalAid)),
                ParameterValues.bool("has_open_promise", hasOpenPromise),
                ParameterValues.bool("do_not_contact", doNotContact),
                promiseStatus(promiseStatus));
        int pageNumber = ParameterValues.integer("page", page, 1, 1, Integer.MAX_VALUE / 1000);
        int size = ParameterValues.integer("per_page", perPage, 100, 1, 1000);
        return queries.list(pharmacyId, filter, pageNumber, size)
                .map(result -> new DebtorPageView(
                        result.total(),
                        pageNumber,
                        size,
                        (result.total() + size - 1) / size,
                        result.debtors().stream().map(DebtorView::of).toList()));
    }

    @GET
    @Path("/statistics")
    public Uni<DebtorStatistics> statistics(@RestPath("pharmacy_id") long pharmacyId) {
        access.requireRead(pharmacyId);
        return queries.statistics(pharmacyId);
    }

    @GET
    @Path("/reports")
    public Uni<List<ReportView>> reports(@RestPath("pharmacy_id") long pharmacyId) {
        access.requireRead(pharmacyId);
        return queries.reports(pharmacyId)
                .map(rows -> rows.stream().map(ReportView::of).toList());
    }

    @GET
    @Path("/{debtor_id}/communications")
    public Uni<List<CommunicationView>> communications(
            @RestPath("pharmacy_id") long pharmacyId, @RestPath("debtor_id") long debtorId) {
        access.requireRead(pharmacyId);
        return queries.communications(pharmacyId, debtorId)
                .map(h -> h.communications().stream()
                        .map(c -> CommunicationView.of(c, h.debtor().id))
                        .toList());
    }

    private static String promiseStatus(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String status = raw.trim().toLowerCase(Locale.ROOT);
        if (!List.of("open", "kept", "broken", "cancelled").contains(status)) {
            throw new UnprocessableEntityException("promise_status", "must be open, kept, broken or cancelled");
        }
        return status;
    }
}
