package com.clinicsuite.debtor.rest;

import com.clinicsuite.debtor.repository.AgeingBucket;
import com.clinicsuite.debtor.repository.ExportFilter;
import com.clinicsuite.debtor.service.DebtorExports;
import com.clinicsuite.debtor.service.PrintedLists;
import com.clinicsuite.security.PharmacyAccess;
import com.clinicsuite.web.errors.UnprocessableEntityException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;

/**
 * CSV and PDF downloads of the pharmacy's debtors. The JSON body is optional (no body: every debtor). Both stream their
 * rows ({@link DebtorExports}); {@code debtor_ids} is capped ({@code debtor.exports.max-debtor-ids}, 422 beyond).
 */
@Path("/pharmacies/{pharmacy_id}/debtors")
@Authenticated
public class DebtorExportResource {

    private static final int MAX_HEADING = 40;

    private final PharmacyAccess access;
    private final DebtorExports exports;
    private final PrintedLists lists;

    public DebtorExportResource(PharmacyAccess access, DebtorExports exports, PrintedLists lists) {
        this.access = access;
        this.exports = exports;
        this.lists = lists;
    }

    /**
     * Written while it is read: the checks (pharmacy, ids) answer JSON errors first, then rows a page at a time. A
     * client that accepts only JSON still gets the file ({@link FileDownloadAccept}).
     */
    @POST
    @Path("/download-csv")
    @Produces("text/csv")
    public RestMulti<String> csv(@RestPath("pharmacy_id") long pharmacyId, ExportRequests.Csv body) {
        access.requireRead(pharmacyId);
        ExportRequests.Csv request = body != null ? body : new ExportRequests.Csv(null, null, null);
        ExportFilter filter = new ExportFilter(
                request.minBalance(),
                List.of(),
                !Boolean.FALSE.equals(request.excludeMedicalAid()),
                request.debtorIds());
        return RestMulti.fromUniResponse(
                exports.open(pharmacyId, filter),
                exports::csv,
                export -> Map.of(
                        HttpHeaders.CONTENT_DISPOSITION, List.of(attachment(pharmacyId, "csv")),
                        HttpHeaders.CONTENT_TYPE, List.of("text/csv; charset=UTF-8")));
    }

    /** Answered as PDF to an {@code Accept: application/json} client too (errors are JSON). */
    @POST
    @Path("/download-pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Uni<Response> pdf(@RestPath("pharmacy_id") long pharmacyId, ExportRequests.Pdf body) {
        access.requireRead(pharmacyId);
        ExportRequests.Pdf request = body != null ? body : new ExportRequests.Pdf(null, null, null, null, null, null);
        List<AgeingBucket> selected = request.ageingBuckets() == null
                ? List.of()
                : RequestParameters.buckets("ageing_buckets", request.ageingBuckets());
        PrintedLists.Request print = new PrintedLists.Request(
                layout(request.layout()),
                request.debtorIds(),
                selected,
                request.minBalance(),
                !Boolean.FALSE.equals(request.excludeMedicalAid()),
                headings(request.colNames()));
        return lists.pdf(pharmacyId, print)
                .map(pdf -> Response.ok(pdf, "application/pdf")
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(pharmacyId, "pdf"))
                        .build());
    }

    private static PrintedLists.Layout layout(String layout) {
        if (layout == null || layout.isBlank()) {
            return PrintedLists.Layout.LIST;
        }
        return Arrays.stream(PrintedLists.Layout.values())
                .filter(l -> l.key.equals(layout.strip()))
                .findFirst()
                .orElseThrow(() -> new UnprocessableEntityException("layout", "must be list or missing_contacts"));
    }

    private static Map<String, String> headings(Map<String, String> colNames) {
        if (colNames == null) {
            return Map.of();
        }
        colNames.forEach((key, heading) -> {
            boolean known = PrintedLists.TEXT_COLUMNS.contains(key)
                    || AgeingBucket.fromKey(key).isPresent();
            if (!known) {
                throw new UnprocessableEntityException(
                        "col_names",
                        "unknown column '" + key + "' (use acc_no, name, current, d30, d60, d90, d120, d150, d180,"
                                + " balance, phone, overdue, last_payment, notes)");
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
