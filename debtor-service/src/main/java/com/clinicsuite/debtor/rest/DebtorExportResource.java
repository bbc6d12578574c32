package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.repository.DebtorFilter;
import com.clinicsuite.debtor.service.DebtorCsv;
import com.clinicsuite.debtor.service.DebtorPdf;
import com.clinicsuite.debtor.service.DebtorQueries;
import com.clinicsuite.security.PharmacyAccess;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;

/** CSV and PDF downloads of the pharmacy's debtors. The JSON body is optional (no body: every debtor). */
@Path("/pharmacies/{pharmacy_id}/debtors")
@Authenticated
public class DebtorExportResource {

    private static final int MAX_HEADING = 40;

    private final PharmacyAccess access;
    private final DebtorQueries queries;

    public DebtorExportResource(PharmacyAccess access, DebtorQueries queries) {
        this.access = access;
        this.queries = queries;
    }

    /** Streamed: the rows are read first (so errors still answer JSON), then written out a few hundred at a time. */
    @POST
    @Path("/download-csv")
    @Produces("text/csv")
    public RestMulti<String> csv(@RestPath("pharmacy_id") long pharmacyId, ExportRequests.Csv body) {
        access.requireRead(pharmacyId);
        ExportRequests.Csv request = body != null ? body : new ExportRequests.Csv(null, null, null);
        DebtorFilter filter = new DebtorFilter(
                request.minBalance(),
                List.of(),
                null,
                null,
                null,
                !Boolean.FALSE.equals(request.excludeMedicalAid()),
                request.debtorIds());
        return RestMulti.fromUniResponse(
                queries.select(pharmacyId, filter),
                selection -> DebtorCsv.stream(selection.debtors()),
                selection -> Map.of(
                        HttpHeaders.CONTENT_DISPOSITION, List.of(attachment(pharmacyId, "csv")),
                        HttpHeaders.CONTENT_TYPE, List.of("text/csv; charset=UTF-8")));
    }

    @POST
    @Path("/download-pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Uni<Response> pdf(@RestPath("pharmacy_id") long pharmacyId, ExportRequests.Pdf body) {
        access.requireRead(pharmacyId);
        ExportRequests.Pdf request = body != null ? body : new ExportRequests.Pdf(null, null, null, null);
        List<AgeingBucket> selected = request.ageingBuckets() == null
                ? List.of()
                : RequestParameters.buckets("ageing_buckets", request.ageingBuckets());
        Map<String, String> headings = headings(request.colNames());
        DebtorFilter filter = new DebtorFilter(
                null,
                selected,
                null,
                null,
                null,
                !Boolean.FALSE.equals(request.excludeMedicalAid()),
                request.debtorIds());
        List<AgeingBucket> columns = selected.isEmpty() ? Arrays.asList(AgeingBucket.values()) : selected;
        return queries.select(pharmacyId, filter)
                // rendering is CPU work: keep it off the event loop
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(selection -> DebtorPdf.render(
                        selection.pharmacy().name,
                        selection.debtors(),
                        columns,
                        headings,
                        LocalDate.now(ZoneOffset.UTC)))
                .map(pdf -> Response.ok(pdf, "application/pdf")
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(pharmacyId, "pdf"))
                        .build());
    }

    private static Map<String, String> headings(Map<String, String> colNames) {
        if (colNames == null) {
            return Map.of();
        }
        colNames.forEach((key, heading) -> {
            boolean known = DebtorPdf.TEXT_COLUMNS.contains(key)
                    || AgeingBucket.fromKey(key).isPresent();
            if (!known) {
                throw new UnprocessableEntityException(
                        "col_names",
                        "unknown column '" + key + "' (use acc_no, name,"
                                + " current, d30, d60, d90, d120, d150, d180, balance, phone)");
            }
            if (heading != null && heading.length() > MAX_HEADING) {
                throw new UnprocessableEntityException(
                        "col_names", "heading of '" + key + "' is longer than " + MAX_HEADING + " characters");
            }
        });
        return colNames;
    }

    private static String attachment(long pharmacyId, String extension) {
        return "attachment; filename=debtors_" + pharmacyId + "." + extension;
    }
}
